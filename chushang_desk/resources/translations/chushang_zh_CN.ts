<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AffiliationDialog</name>
    <message>
        <location filename="../../ui/organizations/dialogs.py" line="72"/>
        <source>Edit member</source>
        <translation>编辑成员</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/dialogs.py" line="72"/>
        <source>Add member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/dialogs.py" line="75"/>
        <source>&amp;Contact</source>
        <translation>人员(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/dialogs.py" line="76"/>
        <source>Type a name, pinyin or initials</source>
        <translation>输入姓名、全拼或首字母</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/dialogs.py" line="78"/>
        <source>&amp;Role</source>
        <translation>担任职务(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/dialogs.py" line="81"/>
        <source>&amp;Since</source>
        <translation>加入日期(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/dialogs.py" line="82"/>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/i18n.py" line="48"/>
        <source>Chushang Desk</source>
        <translation>楚商联络台</translation>
    </message>
</context>
<context>
    <name>ArrivalDialog</name>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="161"/>
        <source>Add capital arrived</source>
        <translation>登记到资</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="163"/>
        <source>An instalment of “{0}”.</source>
        <translation>“{0}”的一笔到资。</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="167"/>
        <source>&amp;Amount (10k ¥)</source>
        <translation>金额(万元)(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="168"/>
        <source>A&amp;rrived on</source>
        <translation>到资日期(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="169"/>
        <source>Or &amp;promised for</source>
        <translation>或承诺到资日期(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="170"/>
        <source>Empty the arrival day and give this one for capital promised, not arrived</source>
        <translation>承诺但尚未到位的资金：清空到资日期，填写承诺日期</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="171"/>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
</context>
<context>
    <name>CaFileField</name>
    <message>
        <location filename="../../ui/sync/ca_file.py" line="15"/>
        <source>Optional: the bureau&apos;s CA certificate (.pem)</source>
        <translation>可选：单位自己的 CA 证书（.pem）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/ca_file.py" line="17"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/ca_file.py" line="32"/>
        <source>The bureau&apos;s CA certificate</source>
        <translation>单位的 CA 证书</translation>
    </message>
    <message>
        <location filename="../../ui/sync/ca_file.py" line="33"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ChainDialog</name>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="36"/>
        <source>Referral chain</source>
        <translation>推荐链</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="38"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="44"/>
        <source>Referred</source>
        <translation>推荐对象</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="44"/>
        <source>Date</source>
        <translation>推荐日期</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="44"/>
        <source>Status</source>
        <translation>进展</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="44"/>
        <source>Status since</source>
        <translation>进展日期</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="45"/>
        <source>Age</source>
        <translation>已过天数</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="45"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="50"/>
        <source>Under a referred person who is an ambassador too: what he referred in turn. Double-click a person to show him in the directory.</source>
        <translation>被推荐人本身也是招商大使时，其下列出他再推荐的对象。双击人员可在名录中查看。</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="66"/>
        <source>appointed {0} by {1}</source>
        <translation>{1} 于 {0} 聘任</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="68"/>
        <source>appointed {0}</source>
        <translation>{0} 聘任</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="68"/>
        <source>appointed by {0}</source>
        <translation>{0} 聘任</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/referrals/ambassadors.py" line="72"/>
        <source>%Ln referral(s) in the chain</source>
        <translation>
            <numerusform>推荐链共 %Ln 条推荐</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="74"/>
        <source>Referral chain of {0}</source>
        <translation>{0} 的推荐链</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="80"/>
        <source>No referrals recorded for this ambassador yet.</source>
        <translation>该招商大使尚无推荐记录。</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="87"/>
        <source>{0} (already in the chain above)</source>
        <translation>{0}（已在上级推荐链中）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/referrals/ambassadors.py" line="90"/>
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="102"/>
        <source>… further referrals not shown (the chain is too deep)</source>
        <translation>……更深层的推荐未显示（推荐链过长）</translation>
    </message>
</context>
<context>
    <name>Chip</name>
    <message>
        <location filename="../../ui/widgets/picker.py" line="117"/>
        <location filename="../../ui/widgets/picker.py" line="118"/>
        <source>Remove {0}</source>
        <translation>移除 {0}</translation>
    </message>
</context>
<context>
    <name>ChoicePicker</name>
    <message>
        <location filename="../../ui/widgets/picker.py" line="145"/>
        <source>Type a name, pinyin or initials…</source>
        <translation>输入姓名、全拼或首字母…</translation>
    </message>
</context>
<context>
    <name>ContactDetailPane</name>
    <message>
        <location filename="../../ui/contacts/detail.py" line="38"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="39"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="40"/>
        <source>Log a visit…</source>
        <translation>登记走访…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="42"/>
        <source>Erase person…</source>
        <translation>彻底清除人员…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="44"/>
        <source>Blank every personal detail of this person everywhere, for good</source>
        <translation>在所有电脑和服务器上永久清空此人的全部个人信息</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="50"/>
        <source>Merge duplicates…</source>
        <translation>合并重复…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="53"/>
        <source>Undo merge</source>
        <translation>撤销合并</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="74"/>
        <source>Choose a contact in the list to see their details, visits and referrals, or press Ctrl+N to add one.</source>
        <translation>在左侧列表中选择一位人员，查看其详情、走访和推荐；或按 Ctrl+N 新增。</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="83"/>
        <source>Log a visit with this person ({0})</source>
        <translation>登记与此人的走访（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="123"/>
        <source>Bring back {0}, merged into this contact</source>
        <translation>恢复已合并到此人的{0}</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="132"/>
        <source>Merchant</source>
        <translation>楚商</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="132"/>
        <source>Alumnus</source>
        <translation>校友</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="133"/>
        <source>Talent</source>
        <translation>人才</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="136"/>
        <source>★ Key contact</source>
        <translation>★ 重点</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="139"/>
        <source>Ambassador since {0}</source>
        <translation>招商大使（{0} 起）</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="139"/>
        <source>Ambassador</source>
        <translation>招商大使</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="141"/>
        <source>appointed by {0}</source>
        <translation>聘任单位：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="145"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="145"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="149"/>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="149"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="150"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="151"/>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="152"/>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="152"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="153"/>
        <source>Region / city</source>
        <translation>地区/城市</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="153"/>
        <source>Native place</source>
        <translation>籍贯</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="153"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="154"/>
        <source>University</source>
        <translation>毕业院校</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="154"/>
        <source>Degree</source>
        <translation>学历</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="155"/>
        <source>Graduation year</source>
        <translation>毕业年份</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="156"/>
        <source>Talent titles</source>
        <translation>人才称号</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="156"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="157"/>
        <source>Station</source>
        <translation>联络站</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="157"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="158"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="171"/>
        <source>Organizations</source>
        <translation>所属组织</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="173"/>
        <source>No organizations recorded.</source>
        <translation>暂无所属组织。</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="176"/>
        <source>since {0}</source>
        <translation>{0} 起</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="182"/>
        <source>Visit history</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="184"/>
        <source>No visits yet.</source>
        <translation>暂无走访记录。</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="197"/>
        <source>Referrals made</source>
        <translation>推荐记录</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="198"/>
        <source>No referrals yet.</source>
        <translation>暂无推荐。</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="200"/>
        <source>Referred by</source>
        <translation>推荐人</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="216"/>
        <source>Merged into this contact</source>
        <translation>已合并到此人</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="222"/>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="223"/>
        <source>Last changed {0} by {1}</source>
        <translation>最后修改：{0}，修改人：{1}</translation>
    </message>
</context>
<context>
    <name>ContactEditDialog</name>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="34"/>
        <source>Edit contact</source>
        <translation>编辑人员</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="34"/>
        <source>New contact</source>
        <translation>新建人员</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="50"/>
        <source>e.g. 1998</source>
        <translation>如 1998</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="56"/>
        <location filename="../../ui/contacts/edit_dialog.py" line="85"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="56"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="56"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="60"/>
        <source>One number per line, or separated by ;
Foreign numbers start with + and the country code</source>
        <translation>每行一个号码，或以 ; 分隔
境外号码以 + 和国家代码开头</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="70"/>
        <source>Separated by commas</source>
        <translation>以逗号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="71"/>
        <source>Merchant</source>
        <translation>楚商</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="71"/>
        <source>Alumnus</source>
        <translation>校友</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="72"/>
        <source>Talent</source>
        <translation>人才</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="73"/>
        <source>Key contact</source>
        <translation>重点人员</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="74"/>
        <source>Investment ambassador</source>
        <translation>招商大使</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="115"/>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="116"/>
        <source>Kinds *</source>
        <translation>类别 *</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="118"/>
        <source>Ambassador since</source>
        <translation>聘任日期</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="120"/>
        <source>e.g. 武汉市招商局</source>
        <translation>如：武汉市招商局</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="121"/>
        <source>Appointed by</source>
        <translation>聘任单位</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="122"/>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="123"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="124"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="125"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="126"/>
        <source>Station</source>
        <translation>联络站</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="127"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="128"/>
        <source>Talent titles</source>
        <translation>人才称号</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="129"/>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="130"/>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="131"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="132"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="133"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="134"/>
        <source>Native place</source>
        <translation>籍贯</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="135"/>
        <source>County</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="136"/>
        <source>University</source>
        <translation>毕业院校</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="137"/>
        <source>Degree</source>
        <translation>学历</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="137"/>
        <source>Graduation year</source>
        <translation>毕业年份</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="139"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="145"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="198"/>
        <source>Discard what you typed for this contact?</source>
        <translation>放弃已填写的联系人信息？</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="225"/>
        <source>Already in the directory?</source>
        <translation>名录中已有此人？</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="226"/>
        <source>This person may already be in the directory:</source>
        <translation>此人可能已在名录中：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="229"/>
        <source>Save as a new contact</source>
        <translation>仍作为新人员保存</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="230"/>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>ContactFilters</name>
    <message>
        <location filename="../../ui/contacts/filters.py" line="28"/>
        <source>Search by name, pinyin or initials (zhangsan, zs), company or phone digits</source>
        <translation>按姓名、全拼或首字母（zhangsan、zs）、单位或电话号码搜索</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/filters.py" line="30"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/filters.py" line="30"/>
        <source>Show merchants, alumni or talents only</source>
        <translation>只显示楚商、校友或人才</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/filters.py" line="31"/>
        <source>Merchants</source>
        <translation>楚商</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/filters.py" line="31"/>
        <source>Alumni</source>
        <translation>校友</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/filters.py" line="32"/>
        <source>Talents</source>
        <translation>人才</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/filters.py" line="34"/>
        <source>Key only</source>
        <translation>仅重点</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/filters.py" line="35"/>
        <source>Ambassadors only</source>
        <translation>仅招商大使</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/filters.py" line="36"/>
        <source>Station</source>
        <translation>联络站</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/filters.py" line="36"/>
        <source>Only contacts of this station</source>
        <translation>只显示该联络站的人员</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/filters.py" line="37"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/filters.py" line="37"/>
        <source>Only contacts living in this region</source>
        <translation>只显示现居该地区的人员</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/filters.py" line="38"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/filters.py" line="38"/>
        <source>Only contacts in this industry</source>
        <translation>只显示该行业的人员</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/filters.py" line="39"/>
        <source>University</source>
        <translation>高校</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/filters.py" line="39"/>
        <source>Only alumni of this university</source>
        <translation>只显示该高校的校友</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/filters.py" line="40"/>
        <source>Native place</source>
        <translation>籍贯</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/filters.py" line="41"/>
        <source>Only contacts from this prefecture of Hubei</source>
        <translation>只显示籍贯为湖北该市州的人员</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/filters.py" line="42"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
</context>
<context>
    <name>ContactTableModel</name>
    <message>
        <location filename="../../ui/contacts/table_model.py" line="37"/>
        <source>Merchant</source>
        <translation>楚商</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/table_model.py" line="37"/>
        <source>Alumnus</source>
        <translation>校友</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/table_model.py" line="37"/>
        <source>Talent</source>
        <translation>人才</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/table_model.py" line="38"/>
        <source>★ Key</source>
        <translation>★ 重点</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/table_model.py" line="38"/>
        <source>Ambassador</source>
        <translation>招商大使</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/table_model.py" line="41"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/table_model.py" line="41"/>
        <source>Kinds</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/table_model.py" line="41"/>
        <source>Key / ambassador</source>
        <translation>重点/大使</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/table_model.py" line="41"/>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/table_model.py" line="41"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/table_model.py" line="42"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/table_model.py" line="42"/>
        <source>Station</source>
        <translation>联络站</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/table_model.py" line="42"/>
        <source>Region / city</source>
        <translation>地区/城市</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/table_model.py" line="42"/>
        <source>Native place</source>
        <translation>籍贯</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/table_model.py" line="43"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/table_model.py" line="96"/>
        <source>This column cannot be sorted.</source>
        <translation>此列不能排序。</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <location filename="../../ui/contacts/page.py" line="75"/>
        <location filename="../../ui/main_window.py" line="38"/>
        <source>Contacts</source>
        <translation>名录</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/page.py" line="104"/>
        <source>New contact…</source>
        <translation>新建人员…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/page.py" line="105"/>
        <source>Create a contact (Ctrl+N)</source>
        <translation>新建名录人员（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/page.py" line="216"/>
        <source>No exact match: {0} similar</source>
        <translation>没有完全匹配的结果：{0} 个相近的名字</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/page.py" line="218"/>
        <source>No contacts match</source>
        <translation>没有符合条件的人员</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/page.py" line="220"/>
        <source>1 contact</source>
        <translation>1 人</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/page.py" line="222"/>
        <source>{0} contacts</source>
        <translation>{0} 人</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/page.py" line="358"/>
        <source>Delete contact</source>
        <translation>删除人员</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/page.py" line="359"/>
        <source>Delete {0} from the directory? The record is removed on every laptop after the next sync.</source>
        <translation>从名录中删除 {0}？下次同步后，各台电脑上的该记录都将删除。</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/dashboard/page.py" line="39"/>
        <location filename="../../ui/main_window.py" line="48"/>
        <source>Targets</source>
        <translation>目标进度</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="67"/>
        <location filename="../../ui/dashboard/page.py" line="82"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="75"/>
        <source>Edit &amp;targets…</source>
        <translation>编辑目标(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="77"/>
        <source>&amp;Report…</source>
        <translation>汇总上报(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="78"/>
        <source>Write the bureau&apos;s periodic report (定期汇总上报) of the year, period and station chosen as an Excel workbook</source>
        <translation>按所选年度、期间和联络站生成定期汇总上报 Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="82"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="83"/>
        <source>Station</source>
        <translation>联络站</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="100"/>
        <source>Nothing recorded in this period</source>
        <translation>本期暂无记录</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="102"/>
        <source>The station&apos;s own target for the year</source>
        <translation>该站本年度目标</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="104"/>
        <source>Nothing recorded in this year</source>
        <translation>本年暂无记录</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="125"/>
        <location filename="../../ui/dashboard/page.py" line="154"/>
        <source>City-wide</source>
        <translation>全市</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="160"/>
        <source>{0}: {1} % of the year gone.</source>
        <translation>{0}：序时进度 {1}%。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="163"/>
        <source>No targets of {0}&apos;s own: those of {1} hold.</source>
        <translation>{0} 年未设目标，沿用 {1} 年目标。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="165"/>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="166"/>
        <source>Behind (under half of the pro-rata share): {0}.</source>
        <translation>滞后（不足序时进度一半）：{0}。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="179"/>
        <source>No station</source>
        <translation>未分联络站</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="187"/>
        <source>By station · {0}</source>
        <translation>分联络站 · {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="188"/>
        <source>Bars: what each station did in the period; red mark: its own target for the year. Click a bar for its records.</source>
        <translation>条形：各联络站本期完成数；红线：该站本年度目标。点击条形查看明细。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="199"/>
        <source>In the month</source>
        <translation>当月</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="199"/>
        <source>Year so far</source>
        <translation>年内累计</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="200"/>
        <source>By month · {0}</source>
        <translation>分月 · {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="13"/>
        <source>Projects signed</source>
        <translation>新签约楚商项目</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="14"/>
        <source>Projects landed</source>
        <translation>落地楚商项目</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="15"/>
        <source>Capital arrived</source>
        <translation>产业到资</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="16"/>
        <source>Merchants on file</source>
        <translation>楚商资源库</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="17"/>
        <source>Key merchants</source>
        <translation>其中重点楚商</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="18"/>
        <source>Alumni on file</source>
        <translation>校友资源库</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="19"/>
        <source>Key alumni</source>
        <translation>其中重点校友</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="20"/>
        <source>Talents on file</source>
        <translation>人才库</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="21"/>
        <source>Liaison stations</source>
        <translation>联络站</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="22"/>
        <source>New chambers</source>
        <translation>新建商会</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="23"/>
        <source>Themed events</source>
        <translation>主题活动</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="24"/>
        <source>Festival gatherings</source>
        <translation>其中节庆联谊</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="25"/>
        <source>Events in key regions</source>
        <translation>其中重点区域</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="26"/>
        <source>Overseas events</source>
        <translation>其中境外活动</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="27"/>
        <source>Events on major platforms</source>
        <translation>其中重大平台</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="28"/>
        <source>Alumni events</source>
        <translation>其中校友活动</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="35"/>
        <source>10k yuan</source>
        <translation>万元</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="36"/>
        <source>people</source>
        <translation>人</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="42"/>
        <source>Whole year</source>
        <translation>全年</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="43"/>
        <source>Quarter {0}</source>
        <translation>第{0}季度</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="45"/>
        <source>First half</source>
        <translation>上半年</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="46"/>
        <source>Second half</source>
        <translation>下半年</translation>
    </message>
</context>
<context>
    <name>DashboardReport</name>
    <message>
        <location filename="../../ui/dashboard/report.py" line="28"/>
        <location filename="../../ui/dashboard/report.py" line="47"/>
        <location filename="../../ui/dashboard/report.py" line="69"/>
        <source>Write the bureau&apos;s report</source>
        <translation>生成定期汇总上报</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/report.py" line="29"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/report.py" line="44"/>
        <source>Writing the report…</source>
        <translation>正在生成汇总报表…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/report.py" line="61"/>
        <source>Report for {0} written to {1}: {2} signed, {3} landed, {4} arrivals, {5} events</source>
        <translation>{0} 汇总报表已保存到 {1}：签约 {2} 个，落地 {3} 个，到资 {4} 笔，活动 {5} 场</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../ui/widgets/date_field.py" line="54"/>
        <source>e.g. 2025-03-14</source>
        <translation>如 2025-03-14</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/date_field.py" line="59"/>
        <source>Pick from a calendar (Alt+Down)</source>
        <translation>从日历中选择（Alt+↓）</translation>
    </message>
</context>
<context>
    <name>EditingDialog</name>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="82"/>
        <source>{0} (Ctrl+Enter)</source>
        <translation>{0}（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="91"/>
        <source>Discard what you typed?</source>
        <translation>放弃已填写的内容？</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="130"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="131"/>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>EraseContactDialog</name>
    <message>
        <location filename="../../ui/contacts/erase_dialog.py" line="21"/>
        <source>Erase person</source>
        <translation>彻底清除人员</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/erase_dialog.py" line="23"/>
        <source>Erase {0} for good?</source>
        <translation>确定彻底清除“{0}”吗？</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/erase_dialog.py" line="24"/>
        <source>Every personal detail (name, phones, e-mail, notes, memberships and referral notes) is blanked on this laptop, on the server and on every laptop at its next sync, also in edits not yet synced and in conflicts waiting for review.</source>
        <translation>此人的全部个人信息（姓名、电话、电子邮箱、备注、所属组织及推荐备注）将在本机、服务器以及每台电脑下次同步时被清空，尚未同步的修改和待核对的修改中的信息也一并清除。</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/erase_dialog.py" line="27"/>
        <source>This cannot be undone. To keep a record that can be restored, use Delete instead.</source>
        <translation>此操作无法撤销。如需保留可恢复的记录，请改用“删除”。</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/erase_dialog.py" line="29"/>
        <source>Type the person&apos;s name to confirm:</source>
        <translation>请输入此人的姓名以确认：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/erase_dialog.py" line="33"/>
        <source>Erase for good</source>
        <translation>彻底清除</translation>
    </message>
</context>
<context>
    <name>EventCategories</name>
    <message>
        <location filename="../../ui/events/labels.py" line="11"/>
        <source>Festival gathering</source>
        <translation>节庆联谊</translation>
    </message>
    <message>
        <location filename="../../ui/events/labels.py" line="12"/>
        <source>Key region</source>
        <translation>重点区域</translation>
    </message>
    <message>
        <location filename="../../ui/events/labels.py" line="13"/>
        <source>Overseas</source>
        <translation>境外</translation>
    </message>
    <message>
        <location filename="../../ui/events/labels.py" line="14"/>
        <source>Major platform</source>
        <translation>重大平台</translation>
    </message>
    <message>
        <location filename="../../ui/events/labels.py" line="15"/>
        <source>Alumni</source>
        <translation>校友</translation>
    </message>
    <message>
        <location filename="../../ui/events/labels.py" line="23"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>EventDetailPanel</name>
    <message>
        <location filename="../../ui/events/detail.py" line="40"/>
        <source>Held on</source>
        <translation>举办日期</translation>
    </message>
    <message>
        <location filename="../../ui/events/detail.py" line="40"/>
        <source>Kind</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <location filename="../../ui/events/detail.py" line="41"/>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/events/detail.py" line="41"/>
        <source>Organizer</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <location filename="../../ui/events/detail.py" line="42"/>
        <source>Counts for</source>
        <translation>计入类别</translation>
    </message>
    <message>
        <location filename="../../ui/events/detail.py" line="42"/>
        <source>Station</source>
        <translation>联络站</translation>
    </message>
    <message>
        <location filename="../../ui/events/detail.py" line="43"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/events/detail.py" line="52"/>
        <source>Type a name to invite…</source>
        <translation>输入姓名、拼音或首字母邀请…</translation>
    </message>
    <message>
        <location filename="../../ui/events/detail.py" line="54"/>
        <source>&amp;Invite</source>
        <translation>邀请(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/events/detail.py" line="55"/>
        <source>Add the contacts picked to the guest list</source>
        <translation>把选中的人员加入邀请名单</translation>
    </message>
    <message>
        <location filename="../../ui/events/detail.py" line="57"/>
        <source>Came &amp;uninvited</source>
        <translation>未邀请但出席(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/events/detail.py" line="58"/>
        <source>Add the contacts picked as having come without an invitation</source>
        <translation>把选中的人员记为未经邀请而出席</translation>
    </message>
    <message>
        <location filename="../../ui/events/detail.py" line="60"/>
        <source>&amp;Remove guest</source>
        <translation>移出名单(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/events/detail.py" line="62"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/events/detail.py" line="62"/>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/events/detail.py" line="62"/>
        <location filename="../../ui/events/detail.py" line="137"/>
        <source>Invited</source>
        <translation>已邀请</translation>
    </message>
    <message>
        <location filename="../../ui/events/detail.py" line="62"/>
        <source>Came</source>
        <translation>出席</translation>
    </message>
    <message>
        <location filename="../../ui/events/detail.py" line="69"/>
        <source>What followed</source>
        <translation>后续成果</translation>
    </message>
    <message>
        <location filename="../../ui/events/detail.py" line="74"/>
        <source>Choose an event in the list to see its guests and what followed it.</source>
        <translation>在列表中选择一场活动，查看邀请与出席人员及后续成果。</translation>
    </message>
    <message>
        <location filename="../../ui/events/detail.py" line="115"/>
        <source>none of the work list&apos;s</source>
        <translation>不计入工作清单类别</translation>
    </message>
    <message>
        <location filename="../../ui/events/detail.py" line="118"/>
        <source>Guests: {0} invited, {1} came</source>
        <translation>嘉宾：邀请 {0} 人，出席 {1} 人</translation>
    </message>
    <message>
        <location filename="../../ui/events/detail.py" line="137"/>
        <source>Brought along</source>
        <translation>随行（未邀请）</translation>
    </message>
    <message>
        <location filename="../../ui/events/detail.py" line="140"/>
        <source>Tick who came</source>
        <translation>勾选出席的人员</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/events/detail.py" line="153"/>
        <source>What followed: %n record(s)</source>
        <translation>
            <numerusform>后续成果：%n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../../ui/events/dialog.py" line="42"/>
        <source>Edit event</source>
        <translation>编辑活动</translation>
    </message>
    <message>
        <location filename="../../ui/events/dialog.py" line="42"/>
        <source>New event</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <location filename="../../ui/events/dialog.py" line="53"/>
        <source>&amp;Name</source>
        <translation>活动名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/events/dialog.py" line="54"/>
        <source>e.g. Beijing Chushang Spring Festival gathering</source>
        <translation>例如：京津冀楚商新春联谊会</translation>
    </message>
    <message>
        <location filename="../../ui/events/dialog.py" line="55"/>
        <source>&amp;Kind</source>
        <translation>活动类型(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/events/dialog.py" line="57"/>
        <source>&amp;Held on</source>
        <translation>举办日期(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/events/dialog.py" line="58"/>
        <source>&amp;Region</source>
        <translation>地区(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/events/dialog.py" line="59"/>
        <source>Province, city or country</source>
        <translation>省市或国家</translation>
    </message>
    <message>
        <location filename="../../ui/events/dialog.py" line="60"/>
        <source>&amp;Place</source>
        <translation>地点(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/events/dialog.py" line="61"/>
        <source>&amp;Organizer</source>
        <translation>主办单位(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/events/dialog.py" line="62"/>
        <source>Counts &amp;for</source>
        <translation>计入类别(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/events/dialog.py" line="63"/>
        <source>&amp;Station</source>
        <translation>联络站(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/events/dialog.py" line="65"/>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
</context>
<context>
    <name>EventLinks</name>
    <message>
        <location filename="../../ui/linked.py" line="15"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/linked.py" line="16"/>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../ui/linked.py" line="17"/>
        <source>Referral</source>
        <translation>推荐</translation>
    </message>
    <message>
        <location filename="../../ui/linked.py" line="24"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/linked.py" line="25"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/linked.py" line="26"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/linked.py" line="27"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>EventPicker</name>
    <message>
        <location filename="../../ui/widgets/picker.py" line="403"/>
        <source>Type part of an event&apos;s name…</source>
        <translation>输入活动名称中的几个字…</translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <location filename="../../ui/events/page.py" line="34"/>
        <location filename="../../ui/main_window.py" line="46"/>
        <source>Events</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../ui/events/page.py" line="43"/>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/events/page.py" line="44"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/events/page.py" line="45"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/events/page.py" line="82"/>
        <source>Held on</source>
        <translation>举办日期</translation>
    </message>
    <message>
        <location filename="../../ui/events/page.py" line="82"/>
        <source>Name</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <location filename="../../ui/events/page.py" line="82"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/events/page.py" line="82"/>
        <source>Counts for</source>
        <translation>计入类别</translation>
    </message>
    <message>
        <location filename="../../ui/events/page.py" line="83"/>
        <source>Station</source>
        <translation>联络站</translation>
    </message>
    <message>
        <location filename="../../ui/events/page.py" line="83"/>
        <source>Came</source>
        <translation>出席</translation>
    </message>
    <message>
        <location filename="../../ui/events/page.py" line="84"/>
        <source>Came / invited</source>
        <translation>出席 / 邀请</translation>
    </message>
    <message>
        <location filename="../../ui/events/page.py" line="102"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../ui/events/page.py" line="103"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../ui/events/page.py" line="104"/>
        <source>All stations</source>
        <translation>全部联络站</translation>
    </message>
    <message>
        <location filename="../../ui/events/page.py" line="106"/>
        <location filename="../../ui/events/page.py" line="122"/>
        <source>All years</source>
        <translation>全部年份</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/events/page.py" line="160"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>共 %n 场活动</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/events/page.py" line="215"/>
        <source>Delete event</source>
        <translation>删除活动</translation>
    </message>
    <message>
        <location filename="../../ui/events/page.py" line="216"/>
        <source>Delete the event “{0}” of {1} and its guest list?</source>
        <translation>删除 {1} 的活动“{0}”及其邀请名单？</translation>
    </message>
</context>
<context>
    <name>FigureTile</name>
    <message>
        <location filename="../../ui/dashboard/tiles.py" line="60"/>
        <source>Not recorded yet</source>
        <translation>尚未录入</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tiles.py" line="64"/>
        <source>No target set</source>
        <translation>未设目标</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tiles.py" line="66"/>
        <source>Target {0}</source>
        <translation>目标 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tiles.py" line="68"/>
        <source>Target {0} · {1} done</source>
        <translation>目标 {0} · 完成 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tiles.py" line="70"/>
        <source>Amount {0} (10k ¥)</source>
        <translation>签约额 {0} 万元</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tiles.py" line="81"/>
        <source>Behind: pro-rata share {0}</source>
        <translation>滞后：序时进度 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tiles.py" line="83"/>
        <source>Target reached</source>
        <translation>已完成目标</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/tiles.py" line="89"/>
        <source>Click to list the records behind this figure</source>
        <translation>点击查看构成此数的记录</translation>
    </message>
</context>
<context>
    <name>FollowUpRowEditor</name>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="67"/>
        <source>Task</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="69"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="72"/>
        <source>Due date (Ctrl+Delete leaves it empty)</source>
        <translation>截止日期（Ctrl+Delete 清空）</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="73"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="76"/>
        <source>Remove this follow-up</source>
        <translation>删除此待办</translation>
    </message>
</context>
<context>
    <name>FollowUpsEditor</name>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="111"/>
        <source>&amp;Add follow-up</source>
        <translation>添加待办(&amp;A)</translation>
    </message>
</context>
<context>
    <name>FollowUpsPage</name>
    <message>
        <location filename="../../ui/main_window.py" line="42"/>
        <location filename="../../ui/today/counts.py" line="31"/>
        <location filename="../../ui/visits/follow_ups.py" line="34"/>
        <source>Follow-ups</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../ui/visits/follow_ups.py" line="42"/>
        <source>&amp;All officers&apos; follow-ups</source>
        <translation>全部联络员的待办(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/follow_ups.py" line="44"/>
        <source>Show &amp;done</source>
        <translation>显示已完成(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/follow_ups.py" line="46"/>
        <source>&amp;Mark done</source>
        <translation>标记完成(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/follow_ups.py" line="48"/>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <location filename="../../ui/visits/follow_ups.py" line="50"/>
        <source>&amp;Reopen</source>
        <translation>重新打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/follow_ups.py" line="52"/>
        <source>&amp;Open visit…</source>
        <translation>打开走访记录(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/visits/follow_ups.py" line="72"/>
        <source>Contacts</source>
        <translation>走访对象</translation>
    </message>
    <message>
        <location filename="../../ui/visits/follow_ups.py" line="72"/>
        <source>Visit date</source>
        <translation>走访日期</translation>
    </message>
    <message>
        <location filename="../../ui/visits/follow_ups.py" line="72"/>
        <source>Station</source>
        <translation>联络站</translation>
    </message>
    <message>
        <location filename="../../ui/visits/follow_ups.py" line="73"/>
        <source>Visit purpose</source>
        <translation>走访事由</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/visits/follow_ups.py" line="86"/>
        <source>Overdue (%Ln)</source>
        <translation>
            <numerusform>已逾期（%Ln）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/visits/follow_ups.py" line="86"/>
        <source>Today (%Ln)</source>
        <translation>
            <numerusform>今天（%Ln）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/visits/follow_ups.py" line="87"/>
        <source>Next 7 days (%Ln)</source>
        <translation>
            <numerusform>未来 7 天（%Ln）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/visits/follow_ups.py" line="87"/>
        <source>Later (%Ln)</source>
        <translation>
            <numerusform>以后（%Ln）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/visits/follow_ups.py" line="88"/>
        <source>No due date (%Ln)</source>
        <translation>
            <numerusform>未定日期（%Ln）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/visits/follow_ups.py" line="88"/>
        <source>Done (%Ln)</source>
        <translation>
            <numerusform>已完成（%Ln）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/visits/follow_ups.py" line="130"/>
        <source>… and %Ln more</source>
        <translation>
            <numerusform>……还有 %Ln 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/visits/follow_ups.py" line="135"/>
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>共 %Ln 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/visits/follow_ups.py" line="143"/>
        <source>Next contact (set at a visit)</source>
        <translation>下次联系（走访时约定）</translation>
    </message>
    <message>
        <location filename="../../ui/visits/follow_ups.py" line="145"/>
        <source>reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../ui/visits/follow_ups.py" line="101"/>
        <source>Follow-ups of {0}</source>
        <translation>{0}的待办</translation>
    </message>
    <message>
        <location filename="../../ui/visits/follow_ups.py" line="71"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../ui/visits/follow_ups.py" line="71"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/visits/follow_ups.py" line="71"/>
        <source>Task</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/visits/follow_ups.py" line="71"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/visits/follow_ups.py" line="103"/>
        <source>Everyone&apos;s follow-ups</source>
        <translation>全部待办</translation>
    </message>
    <message>
        <location filename="../../ui/visits/follow_ups.py" line="105"/>
        <source>Set your name in Settings to see your follow-ups; showing everyone&apos;s.</source>
        <translation>请在“设置”中填写姓名；当前显示全部待办</translation>
    </message>
    <message>
        <location filename="../../ui/today/counts.py" line="28"/>
        <source>Follow-ups (99+)</source>
        <translation>待办（99+）</translation>
    </message>
    <message>
        <location filename="../../ui/today/counts.py" line="30"/>
        <source>Follow-ups (%Ln)</source>
        <translation>待办（%Ln）</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <location filename="../../ui/contacts/import_preview.py" line="56"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_preview.py" line="56"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_preview.py" line="56"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="40"/>
        <location filename="../../ui/contacts/import_wizard.py" line="137"/>
        <location filename="../../ui/contacts/import_wizard.py" line="192"/>
        <location filename="../../ui/contacts/import_wizard.py" line="370"/>
        <location filename="../../ui/contacts/import_wizard.py" line="512"/>
        <source>Import contacts</source>
        <translation>导入名录</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="54"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="55"/>
        <location filename="../../ui/contacts/import_wizard.py" line="537"/>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="56"/>
        <location filename="../../ui/contacts/import_wizard.py" line="539"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="82"/>
        <source>Stop this import? Nothing has been written yet.</source>
        <translation>放弃这次导入？目前还没有写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="92"/>
        <source>No file chosen</source>
        <translation>尚未选择文件</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="94"/>
        <source>&amp;Choose a file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="100"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="103"/>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="107"/>
        <source>For every row that does not say it itself</source>
        <translation>表中未注明时，每一行使用</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="111"/>
        <source>Merchant</source>
        <translation>楚商</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="111"/>
        <source>Alumnus</source>
        <translation>校友</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="111"/>
        <source>Talent</source>
        <translation>人才</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="117"/>
        <source>Kind:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="119"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="123"/>
        <source>Station:</source>
        <translation>联络站：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="125"/>
        <source>e.g. 2025 member list of the Shenzhen Hubei Chamber</source>
        <translation>例如：深圳市湖北商会 2025 年会员名单</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="126"/>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="127"/>
        <source>Mark them as key contacts</source>
        <translation>标为重点人员</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="130"/>
        <source>tags, separated by commas</source>
        <translation>标签，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="131"/>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="138"/>
        <source>Spreadsheets and CSV ({0})</source>
        <translation>表格和 CSV 文件（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="151"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="171"/>
        <source>{0} rows read</source>
        <translation>已读取 {0} 行</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="173"/>
        <source>text encoding {0}</source>
        <translation>文字编码 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="211"/>
        <source>The header is row</source>
        <translation>表头在第几行：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="220"/>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="220"/>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="221"/>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="276"/>
        <source>(no header)</source>
        <translation>（无表头）</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="284"/>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="318"/>
        <source>All rows</source>
        <translation>全部行</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="318"/>
        <source>Rows that need a look</source>
        <translation>需要查看的行</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="318"/>
        <source>Errors</source>
        <translation>有错误的行</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="319"/>
        <source>Possible duplicates</source>
        <translation>可能重复的行</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="324"/>
        <location filename="../../ui/contacts/import_wizard.py" line="477"/>
        <source>Save rows with errors…</source>
        <translation>导出错误行…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="345"/>
        <source>The selected row</source>
        <translation>所选的行</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="347"/>
        <source>Select a row to see why, and to decide what it becomes.</source>
        <translation>选择一行，可查看原因并决定如何处理。</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="354"/>
        <source>Add as a new contact</source>
        <translation>作为新人员添加</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="354"/>
        <source>Merge into the contact found</source>
        <translation>合并到找到的人员</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="355"/>
        <source>Skip this row</source>
        <translation>跳过此行</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="367"/>
        <source>Checking every row against the directory…</source>
        <translation>正在逐行与名录核对…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="394"/>
        <source>&amp;Import {0} rows</source>
        <translation>导入 {0} 行(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="410"/>
        <source>Row {0}: {1}</source>
        <translation>第 {0} 行：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="416"/>
        <source>Adds: {0}</source>
        <translation>将补充：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="418"/>
        <source>Keeps what the directory has for: {0}</source>
        <translation>保留名录中已有的：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="454"/>
        <location filename="../../ui/contacts/import_wizard.py" line="464"/>
        <source>Save rows with errors</source>
        <translation>导出错误行</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="455"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="475"/>
        <source>&amp;Undo this import</source>
        <translation>撤销这次导入(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="517"/>
        <source>Undo this import</source>
        <translation>撤销这次导入</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="520"/>
        <source>Undone: {0} contacts removed, {1} set back as they were.</source>
        <translation>已撤销：删除 {0} 位新增人员，{1} 位人员恢复原样。</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="523"/>
        <source>Kept, because they were edited or linked to visits since:</source>
        <translation>以下人员导入后已被修改或已关联走访，予以保留：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="531"/>
        <source>1. Choose the file</source>
        <translation>1. 选择文件</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="531"/>
        <source>2. Match the columns</source>
        <translation>2. 对应各列</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="532"/>
        <source>3. Check every row</source>
        <translation>3. 逐行核对</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="532"/>
        <source>4. Done</source>
        <translation>4. 完成</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/import_wizard.py" line="539"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>LogVisitDialog</name>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="188"/>
        <source>Edit visit</source>
        <translation>编辑走访记录</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="188"/>
        <source>Log a visit</source>
        <translation>登记走访</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="197"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="210"/>
        <source>Names, separated by commas</source>
        <translation>姓名，以逗号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="216"/>
        <source>What was discussed (纪要)</source>
        <translation>交流内容（纪要）</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="220"/>
        <source>e.g. 5000</source>
        <translation>如 5000</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="222"/>
        <source>10k yuan (万元)</source>
        <translation>万元</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="224"/>
        <source>Site, timing, what is still open…</source>
        <translation>选址、时间、待落实事项…</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="225"/>
        <source>The project the visit was about, if any</source>
        <translation>本次走访涉及的项目（如有）</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="226"/>
        <source>The event it followed, if any</source>
        <translation>走访前参加的活动（如有）</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="229"/>
        <source>Optional; Ctrl+Delete empties it</source>
        <translation>选填；Ctrl+Delete 清空</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="233"/>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="234"/>
        <source>&amp;Mode</source>
        <translation>方式(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="235"/>
        <source>S&amp;tation</source>
        <translation>联络站(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="236"/>
        <source>O&amp;fficers</source>
        <translation>联络员(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="237"/>
        <source>&amp;Contacts met</source>
        <translation>走访对象(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="238"/>
        <source>O&amp;rganizations</source>
        <translation>组织(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="239"/>
        <source>&amp;Place</source>
        <translation>地点(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="240"/>
        <source>P&amp;urpose</source>
        <translation>事由(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="245"/>
        <source>&amp;Investment
intention</source>
        <translation>投资意向(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="247"/>
        <source>Intention n&amp;ote</source>
        <translation>意向说明(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="248"/>
        <source>Pro&amp;ject</source>
        <translation>项目(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="249"/>
        <source>After e&amp;vent</source>
        <translation>来自活动(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="250"/>
        <source>&amp;Next contact</source>
        <translation>下次联系(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="253"/>
        <source>&amp;Summary</source>
        <translation>纪要(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="258"/>
        <source>&amp;Follow-ups (task, owner, due date)</source>
        <translation>待办(&amp;F)（事项、负责人、截止日期）</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="269"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="270"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="276"/>
        <source>Ctrl+Enter saves · Esc cancels</source>
        <translation>Ctrl+Enter 保存 · Esc 取消</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="381"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="401"/>
        <source>Please check the fields marked in red.</source>
        <translation>请检查标红的字段。</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_dialog.py" line="422"/>
        <source>Discard what you typed for this visit?</source>
        <translation>放弃本次走访已填写的内容？</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="58"/>
        <source>Chushang Desk</source>
        <translation>楚商联络台</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="95"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="100"/>
        <source>I&amp;mport contacts…</source>
        <translation>导入名录(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105"/>
        <source>E&amp;xport contacts…</source>
        <translation>导出名录(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="112"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="124"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="151"/>
        <source>contacts.xlsx</source>
        <translation>名录.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="152"/>
        <location filename="../../ui/main_window.py" line="163"/>
        <source>Export contacts</source>
        <translation>导出名录</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="153"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162"/>
        <source>Exported {0} contacts to {1}</source>
        <translation>已导出 {0} 位人员到 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="221"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="226"/>
        <source>(officer not set)</source>
        <translation>（未设置联络员）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="227"/>
        <source>(no station)</source>
        <translation>（未设置联络站）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="238"/>
        <source>%Ln edit(s) waiting to sync</source>
        <translation>
            <numerusform>%Ln 条修改待同步</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="241"/>
        <source>The database could not be opened.</source>
        <translation>无法打开数据库。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="248"/>
        <source>Close Chushang Desk? What you typed in “{0}” has not been saved.</source>
        <translation>关闭楚商联络台？“{0}”中填写的内容尚未保存。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="267"/>
        <source>About Chushang Desk</source>
        <translation>关于楚商联络台</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="268"/>
        <source>Chushang Desk {0}
The liaison desk of Wuhan&apos;s Hubei-merchant return-investment drive.</source>
        <translation>楚商联络台 {0}
武汉市推进楚商回乡工作联络平台。</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ui/contacts/merge_dialog.py" line="31"/>
        <source>Merge duplicates</source>
        <translation>合并重复人员</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/merge_dialog.py" line="33"/>
        <source>Type the name of the same person…</source>
        <translation>输入同一人的姓名、电话或邮箱…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/merge_dialog.py" line="38"/>
        <source>Choose the value to keep where they differ. Phones and tags are united; visits, memberships and referrals move to the contact kept. It can be undone.</source>
        <translation>内容不同时，请选择要保留的值。电话和标签合并保留；走访、所属组织和推荐都转到保留的人员名下。合并后可以撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/merge_dialog.py" line="46"/>
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/merge_dialog.py" line="52"/>
        <source>The same person as:</source>
        <translation>与以下人员是同一人：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/merge_dialog.py" line="67"/>
        <source>Leave without merging?</source>
        <translation>不合并就离开？</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/merge_dialog.py" line="85"/>
        <source>{0} (kept)</source>
        <translation>{0}（保留）</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/merge_dialog.py" line="104"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
</context>
<context>
    <name>MoveStageDialog</name>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="135"/>
        <source>Move to {0}</source>
        <translation>转入{0}</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="137"/>
        <source>&amp;Move</source>
        <translation>转入(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="138"/>
        <source>Move “{0}” to {1}.</source>
        <translation>将“{0}”转入{1}阶段。</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="141"/>
        <source>&amp;Reached on</source>
        <translation>进入日期(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="144"/>
        <source>&amp;Why dropped</source>
        <translation>退库原因(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="145"/>
        <source>e.g. the investor&apos;s funds fell through</source>
        <translation>例如：投资方资金链紧张</translation>
    </message>
</context>
<context>
    <name>NeedsReviewPage</name>
    <message>
        <location filename="../../ui/main_window.py" line="49"/>
        <location filename="../../ui/sync/review.py" line="32"/>
        <location filename="../../ui/sync/texts.py" line="28"/>
        <source>Needs review</source>
        <translation>待核对的修改</translation>
    </message>
    <message>
        <location filename="../../ui/sync/review.py" line="35"/>
        <source>Edits that met another change to the same field. Choose which value stays.</source>
        <translation>以下修改与他人对同一字段的修改不一致，请选择保留哪一个值。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/review.py" line="38"/>
        <source>Nothing needs review. When an edit of yours meets someone else&apos;s change to the same field, it shows up here.</source>
        <translation>没有待核对的修改。当您的修改与他人对同一字段的修改不一致时，会显示在这里，由您决定保留哪一个。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/review.py" line="46"/>
        <source>Keep &amp;mine</source>
        <translation>保留我的(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/review.py" line="47"/>
        <source>Send my value again; it replaces theirs everywhere</source>
        <translation>重新发送我的值，各处都以它为准</translation>
    </message>
    <message>
        <location filename="../../ui/sync/review.py" line="48"/>
        <source>Keep &amp;theirs</source>
        <translation>保留对方的(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/review.py" line="49"/>
        <source>Keep the server&apos;s value; my value is dropped</source>
        <translation>保留服务器上的值，放弃我的值</translation>
    </message>
    <message>
        <location filename="../../ui/sync/review.py" line="66"/>
        <source>Records from the server that could not be stored on this laptop. Sync goes on without them; they are tried again at every sync, and an update of Chushang Desk may store them.</source>
        <translation>以下来自服务器的记录无法保存到本机。同步不受影响，会在每次同步时重试；更新楚商联络台后可能即可保存。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/review.py" line="69"/>
        <location filename="../../ui/sync/review.py" line="77"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/sync/review.py" line="69"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/sync/review.py" line="69"/>
        <source>Since</source>
        <translation>首次出现</translation>
    </message>
    <message>
        <location filename="../../ui/sync/review.py" line="77"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/sync/review.py" line="77"/>
        <source>Mine</source>
        <translation>我的值</translation>
    </message>
    <message>
        <location filename="../../ui/sync/review.py" line="77"/>
        <source>Theirs</source>
        <translation>对方的值</translation>
    </message>
    <message>
        <location filename="../../ui/sync/review.py" line="78"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/sync/review.py" line="78"/>
        <source>By</source>
        <translation>修改人</translation>
    </message>
    <message>
        <location filename="../../ui/sync/review.py" line="106"/>
        <source>A record from the server could not be stored on this laptop: {0}</source>
        <translation>一条来自服务器的记录无法保存到本机：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/review.py" line="136"/>
        <source>Their change: {0}
My edit: {1}</source>
        <translation>对方修改：{0}
我的修改：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/review.py" line="144"/>
        <source>Deleted {0}</source>
        <translation>已于 {0} 删除</translation>
    </message>
    <message>
        <location filename="../../ui/sync/review.py" line="144"/>
        <source>Not deleted</source>
        <translation>未删除</translation>
    </message>
    <message>
        <location filename="../../ui/sync/review.py" line="146"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/review.py" line="148"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/sync/review.py" line="148"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="25"/>
        <source>Needs review (99+)</source>
        <translation>待核对的修改（99+）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="27"/>
        <source>Needs review (%Ln)</source>
        <translation>待核对的修改（%Ln）</translation>
    </message>
</context>
<context>
    <name>OrganizationDetail</name>
    <message>
        <location filename="../../ui/organizations/detail.py" line="44"/>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/detail.py" line="45"/>
        <location filename="../../ui/organizations/detail.py" line="47"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/detail.py" line="45"/>
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/detail.py" line="45"/>
        <location filename="../../ui/organizations/detail.py" line="139"/>
        <source>Station</source>
        <translation>联络站</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/detail.py" line="45"/>
        <source>Purpose</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/detail.py" line="46"/>
        <source>Visits</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/detail.py" line="47"/>
        <source>Ambassador</source>
        <translation>招商大使</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/detail.py" line="47"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/detail.py" line="47"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/detail.py" line="48"/>
        <source>Referrals</source>
        <translation>推荐</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/detail.py" line="56"/>
        <source>Choose an organization in the list to see its members, visits and referrals, or press Ctrl+N to add one.</source>
        <translation>在左侧列表中选择一个组织，查看其成员、走访和推荐；或按 Ctrl+N 新增。</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/detail.py" line="64"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/detail.py" line="64"/>
        <source>Role</source>
        <translation>担任职务</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/detail.py" line="64"/>
        <source>Since</source>
        <translation>加入日期</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/detail.py" line="64"/>
        <source>Company / title</source>
        <translation>单位/职务</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/detail.py" line="67"/>
        <source>Add member…</source>
        <translation>添加成员…</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/detail.py" line="68"/>
        <source>Edit role…</source>
        <translation>修改职务…</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/detail.py" line="69"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/detail.py" line="70"/>
        <source>Open contact</source>
        <translation>查看人员</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/detail.py" line="135"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/detail.py" line="136"/>
        <source>Founded on</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/detail.py" line="137"/>
        <source>Region / city</source>
        <translation>地区/城市</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/detail.py" line="138"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/detail.py" line="140"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/detail.py" line="141"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/detail.py" line="142"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/organizations/detail.py" line="150"/>
        <source>Members (%n)</source>
        <translation>
            <numerusform>成员（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/organizations/detail.py" line="154"/>
        <source>Visits (%n)</source>
        <translation>
            <numerusform>走访记录（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/organizations/detail.py" line="158"/>
        <source>Referrals (%n)</source>
        <translation>
            <numerusform>推荐（%n）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrganizationDialog</name>
    <message>
        <location filename="../../ui/organizations/dialogs.py" line="24"/>
        <source>Edit organization</source>
        <translation>编辑组织</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/dialogs.py" line="24"/>
        <source>New organization</source>
        <translation>新建组织</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/dialogs.py" line="31"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/dialogs.py" line="32"/>
        <source>&amp;Kind</source>
        <translation>类别(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/dialogs.py" line="34"/>
        <source>&amp;Founded on</source>
        <translation>成立日期(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/dialogs.py" line="35"/>
        <source>&amp;Region</source>
        <translation>地区(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/dialogs.py" line="36"/>
        <source>Province or country, e.g. 广东</source>
        <translation>省份或国家，如：广东</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/dialogs.py" line="37"/>
        <source>&amp;City</source>
        <translation>城市(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/dialogs.py" line="38"/>
        <source>&amp;Industry</source>
        <translation>行业(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/dialogs.py" line="40"/>
        <source>&amp;Station</source>
        <translation>联络站(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/dialogs.py" line="42"/>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/dialogs.py" line="43"/>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/dialogs.py" line="44"/>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
</context>
<context>
    <name>OrganizationKinds</name>
    <message>
        <location filename="../../ui/labels.py" line="80"/>
        <source>Chamber of commerce</source>
        <translation>商协会</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="81"/>
        <source>Alumni association</source>
        <translation>校友会</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="82"/>
        <location filename="../../ui/labels.py" line="94"/>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="83"/>
        <location filename="../../ui/labels.py" line="95"/>
        <source>University</source>
        <translation>高校</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="84"/>
        <location filename="../../ui/labels.py" line="96"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="92"/>
        <source>Chamber</source>
        <translation>商协会</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="93"/>
        <source>Alumni</source>
        <translation>校友会</translation>
    </message>
</context>
<context>
    <name>OrganizationPicker</name>
    <message>
        <location filename="../../ui/widgets/picker.py" line="356"/>
        <source>Type an organization&apos;s name…</source>
        <translation>输入组织名称…</translation>
    </message>
</context>
<context>
    <name>OrganizationTableModel</name>
    <message>
        <location filename="../../ui/organizations/model.py" line="29"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/model.py" line="29"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/model.py" line="29"/>
        <source>Region / city</source>
        <translation>地区/城市</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/model.py" line="29"/>
        <source>Station</source>
        <translation>联络站</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/model.py" line="30"/>
        <source>Founded</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/model.py" line="30"/>
        <source>Members</source>
        <translation>成员数</translation>
    </message>
</context>
<context>
    <name>OrganizationsPage</name>
    <message>
        <location filename="../../ui/main_window.py" line="40"/>
        <location filename="../../ui/organizations/page.py" line="45"/>
        <source>Organizations</source>
        <translation>组织</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/page.py" line="51"/>
        <source>Search name, pinyin, city…</source>
        <translation>搜索名称、拼音、城市…</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/page.py" line="59"/>
        <source>Founded in {0}</source>
        <translation>{0} 年成立</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/page.py" line="60"/>
        <source>New chambers are a yearly target: show what was founded this year</source>
        <translation>新成立商协会是年度目标：只显示今年成立的组织</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/page.py" line="62"/>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/page.py" line="63"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/page.py" line="64"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/page.py" line="133"/>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/page.py" line="134"/>
        <source>All stations</source>
        <translation>全部联络站</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/organizations/page.py" line="149"/>
        <source>%Ln organization(s)</source>
        <translation>
            <numerusform>%Ln 个组织</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/organizations/page.py" line="224"/>
        <source>Delete organization</source>
        <translation>删除组织</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/page.py" line="225"/>
        <source>Delete “{0}”? Its members keep their own records.</source>
        <translation>删除“{0}”？其成员的名录记录将保留。</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/page.py" line="240"/>
        <source>Remove member</source>
        <translation>移除成员</translation>
    </message>
    <message>
        <location filename="../../ui/organizations/page.py" line="241"/>
        <source>Remove {0} ({1}) from this organization?</source>
        <translation>将 {0}（{1}）移出该组织？</translation>
    </message>
</context>
<context>
    <name>OutcomesPanel</name>
    <message>
        <location filename="../../ui/referrals/outcomes.py" line="26"/>
        <source>Ambassador outcomes</source>
        <translation>招商大使推荐成效</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/outcomes.py" line="31"/>
        <source>Year </source>
        <translation>年度 </translation>
    </message>
    <message>
        <location filename="../../ui/referrals/outcomes.py" line="38"/>
        <source>Ambassador</source>
        <translation>招商大使</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/outcomes.py" line="38"/>
        <source>Referrals</source>
        <translation>推荐</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/outcomes.py" line="38"/>
        <source>Signed</source>
        <translation>签约</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/outcomes.py" line="38"/>
        <source>Landed</source>
        <translation>落地</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/outcomes.py" line="49"/>
        <source>C&amp;hain of referrals…</source>
        <translation>推荐链(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/outcomes.py" line="54"/>
        <source>Signed counts referrals that reached signing, landed or not. Double-click an ambassador to list their referrals.</source>
        <translation>“签约”统计已签约的推荐（含已落地）。双击招商大使可查看其推荐。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/referrals/outcomes.py" line="90"/>
        <source>%Ln ambassador(s)</source>
        <translation>
            <numerusform>招商大使 %Ln 名</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/referrals/outcomes.py" line="90"/>
        <source>%Ln referral(s)</source>
        <translation>
            <numerusform>推荐 %Ln 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/referrals/outcomes.py" line="91"/>
        <source>%Ln signed</source>
        <translation>
            <numerusform>签约 %Ln 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/referrals/outcomes.py" line="91"/>
        <source>%Ln landed</source>
        <translation>
            <numerusform>落地 %Ln 条</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/referrals/outcomes.py" line="92"/>
        <source>{0}: {1}</source>
        <translation>{0} 年：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/outcomes.py" line="92"/>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../ui/passphrase_dialog.py" line="28"/>
        <source>Recovery passphrase</source>
        <translation>恢复口令</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_dialog.py" line="30"/>
        <source>Again</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_dialog.py" line="37"/>
        <source>That recovery passphrase is wrong. Please try again.</source>
        <translation>恢复口令不对，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_dialog.py" line="46"/>
        <source>Set the recovery passphrase</source>
        <translation>设置恢复口令</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_dialog.py" line="47"/>
        <source>This computer&apos;s directory is encrypted. Its key is kept in the system keyring; if the keyring is lost or changed, only this recovery passphrase opens the directory. Choose one of at least {0} characters and keep it safe: nobody can recover it for you.</source>
        <translation>本机名录已加密，密钥保存在系统钥匙串中；钥匙串丢失或更换后，只有这个恢复口令能打开名录。请设置至少 {0} 个字符的口令并妥善保管：任何人都无法替您找回。</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_dialog.py" line="51"/>
        <source>Unlock the directory</source>
        <translation>解锁名录</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_dialog.py" line="52"/>
        <source>The system keyring does not hold this directory&apos;s key. Enter its recovery passphrase.</source>
        <translation>系统钥匙串中没有本名录的密钥，请输入恢复口令。</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_dialog.py" line="61"/>
        <source>The recovery passphrase must have at least {0} characters.</source>
        <translation>恢复口令至少要有 {0} 个字符。</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_dialog.py" line="64"/>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
</context>
<context>
    <name>ProjectBoard</name>
    <message>
        <location filename="../../ui/projects/board.py" line="35"/>
        <source>%n d</source>
        <translation>%n天</translation>
    </message>
    <message>
        <location filename="../../ui/projects/board.py" line="40"/>
        <source>{0}</source>
        <comment>amount in 10k yuan on a card</comment>
        <translation>{0}万</translation>
    </message>
</context>
<context>
    <name>ProjectDetail</name>
    <message>
        <location filename="../../ui/projects/detail.py" line="49"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/projects/detail.py" line="57"/>
        <source>Capital arrived</source>
        <translation>到资</translation>
    </message>
    <message>
        <location filename="../../ui/projects/detail.py" line="58"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/projects/detail.py" line="58"/>
        <source>Reached on</source>
        <translation>进入日期</translation>
    </message>
    <message>
        <location filename="../../ui/projects/detail.py" line="59"/>
        <source>Stage history</source>
        <translation>阶段记录</translation>
    </message>
    <message>
        <location filename="../../ui/projects/detail.py" line="62"/>
        <source>Visits and referrals</source>
        <translation>走访与推荐</translation>
    </message>
    <message>
        <location filename="../../ui/projects/detail.py" line="77"/>
        <source>Choose a project on the board or in the list to see its page, or press Ctrl+N to add one.</source>
        <translation>在看板或列表中选择一个项目查看详情，或按 Ctrl+N 新建项目。</translation>
    </message>
    <message>
        <location filename="../../ui/projects/detail.py" line="86"/>
        <source>Arrived on</source>
        <translation>到资日期</translation>
    </message>
    <message>
        <location filename="../../ui/projects/detail.py" line="86"/>
        <source>Promised for</source>
        <translation>承诺日期</translation>
    </message>
    <message>
        <location filename="../../ui/projects/detail.py" line="86"/>
        <source>Amount</source>
        <translation>金额(万元)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/detail.py" line="87"/>
        <location filename="../../ui/projects/detail.py" line="169"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/projects/detail.py" line="96"/>
        <source>&amp;Add instalment…</source>
        <translation>登记到资(&amp;A)…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/projects/detail.py" line="122"/>
        <source>Visits and referrals (%n)</source>
        <translation>
            <numerusform>走访与推荐（%n）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/projects/detail.py" line="125"/>
        <source>Arrived: {0} (10k ¥)</source>
        <translation>已到资：{0}万元</translation>
    </message>
    <message>
        <location filename="../../ui/projects/detail.py" line="127"/>
        <source>  ·  promised, not arrived: {0}</source>
        <translation>  ·  承诺未到位：{0}万元</translation>
    </message>
    <message>
        <location filename="../../ui/projects/detail.py" line="133"/>
        <source>{0} since {1}</source>
        <translation>{1}起处于{0}阶段</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/projects/detail.py" line="138"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/projects/detail.py" line="140"/>
        <source>waiting too long (limit %n day(s))</source>
        <translation>
            <numerusform>停留过久(时限%n天)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/projects/detail.py" line="150"/>
        <source>Chushang (楚商) project</source>
        <translation>楚商项目</translation>
    </message>
    <message>
        <location filename="../../ui/projects/detail.py" line="151"/>
        <source>Alumni project (校友)</source>
        <translation>校友项目</translation>
    </message>
    <message>
        <location filename="../../ui/projects/detail.py" line="154"/>
        <source>Investor</source>
        <translation>投资方</translation>
    </message>
    <message>
        <location filename="../../ui/projects/detail.py" line="155"/>
        <source>Main contact</source>
        <translation>主要联系人</translation>
    </message>
    <message>
        <location filename="../../ui/projects/detail.py" line="156"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../ui/projects/detail.py" line="157"/>
        <source>Target district</source>
        <translation>拟落地区</translation>
    </message>
    <message>
        <location filename="../../ui/projects/detail.py" line="158"/>
        <source>Station</source>
        <translation>联络站</translation>
    </message>
    <message>
        <location filename="../../ui/projects/detail.py" line="159"/>
        <source>Planned (10k ¥)</source>
        <translation>计划投资(万元)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/detail.py" line="160"/>
        <source>Signed (10k ¥)</source>
        <translation>签约金额(万元)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/detail.py" line="161"/>
        <source>Source</source>
        <translation>项目来源</translation>
    </message>
    <message>
        <location filename="../../ui/projects/detail.py" line="162"/>
        <source>At event</source>
        <translation>来自活动</translation>
    </message>
    <message>
        <location filename="../../ui/projects/detail.py" line="163"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/projects/detail.py" line="164"/>
        <source>Leading official</source>
        <translation>牵头领导</translation>
    </message>
    <message>
        <location filename="../../ui/projects/detail.py" line="165"/>
        <source>Task force</source>
        <translation>工作专班</translation>
    </message>
    <message>
        <location filename="../../ui/projects/detail.py" line="166"/>
        <source>Plan</source>
        <translation>推进方案</translation>
    </message>
    <message>
        <location filename="../../ui/projects/detail.py" line="167"/>
        <source>Waiting on</source>
        <translation>待解决问题</translation>
    </message>
    <message>
        <location filename="../../ui/projects/detail.py" line="168"/>
        <source>Tracked by</source>
        <translation>跟踪人</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="43"/>
        <source>Edit project</source>
        <translation>编辑项目</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="43"/>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="54"/>
        <source>&amp;Name</source>
        <translation>项目名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="55"/>
        <source>e.g. Optics Valley battery plant, phase 2</source>
        <translation>例如：光谷新能源电池基地二期</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="56"/>
        <source>&amp;Investor</source>
        <translation>投资方(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="57"/>
        <source>The investing company or organization…</source>
        <translation>投资企业或机构…</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="58"/>
        <source>Main &amp;contact</source>
        <translation>主要联系人(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="59"/>
        <source>The investor&apos;s person we deal with…</source>
        <translation>投资方对接人…</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="60"/>
        <source>Ind&amp;ustry</source>
        <translation>行业(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="61"/>
        <source>Target &amp;district</source>
        <translation>拟落地区(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="62"/>
        <source>&amp;Station</source>
        <translation>联络站(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="63"/>
        <source>&amp;Planned (10k ¥)</source>
        <translation>计划投资(万元)(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="64"/>
        <source>Si&amp;gned (10k ¥)</source>
        <translation>签约金额(万元)(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="65"/>
        <source>S&amp;ource</source>
        <translation>项目来源(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="67"/>
        <source>At &amp;event</source>
        <translation>来自活动(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="68"/>
        <source>The event it was signed or brought in at, if any</source>
        <translation>在哪场活动上签约或推介（如有）</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="69"/>
        <source>Chushang (楚商) project</source>
        <translation>楚商项目</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="70"/>
        <source>Alumni project (校友)</source>
        <translation>校友项目</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="71"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="73"/>
        <source>&amp;Leading official</source>
        <translation>牵头领导(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="74"/>
        <source>&amp;Task force</source>
        <translation>工作专班(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="75"/>
        <source>P&amp;lan</source>
        <translation>推进方案(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="77"/>
        <source>Waiting on</source>
        <translation>待解决问题</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="78"/>
        <source>Trac&amp;ked by</source>
        <translation>跟踪人(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="79"/>
        <source>Officers&apos; names, separated by 、 or commas</source>
        <translation>干部姓名，用“、”或逗号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="80"/>
        <source>N&amp;otes</source>
        <translation>备注(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="89"/>
        <source>in 10k yuan (万元), e.g. 50000</source>
        <translation>单位：万元，例如 50000</translation>
    </message>
</context>
<context>
    <name>ProjectIssues</name>
    <message>
        <location filename="../../ui/projects/labels.py" line="39"/>
        <source>Funds</source>
        <translation>资金</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="40"/>
        <source>Land</source>
        <translation>用地</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="41"/>
        <source>Policy</source>
        <translation>政策</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="42"/>
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="43"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>ProjectPicker</name>
    <message>
        <location filename="../../ui/widgets/picker.py" line="371"/>
        <source>Type part of a project&apos;s name…</source>
        <translation>输入项目名称中的几个字…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/picker.py" line="377"/>
        <source>New project “{0}”</source>
        <translation>新建项目“{0}”</translation>
    </message>
</context>
<context>
    <name>ProjectSources</name>
    <message>
        <location filename="../../ui/projects/labels.py" line="28"/>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="29"/>
        <source>Referral</source>
        <translation>以商招商推荐</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="30"/>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="31"/>
        <source>Alumni</source>
        <translation>校友</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="32"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>ProjectStages</name>
    <message>
        <location filename="../../ui/projects/labels.py" line="13"/>
        <source>Recommended</source>
        <translation>推介</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="14"/>
        <source>Tracking</source>
        <translation>跟踪</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="15"/>
        <source>Signed</source>
        <translation>签约</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="16"/>
        <source>Landed</source>
        <translation>开工/落地</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="17"/>
        <source>Dropped</source>
        <translation>退库</translation>
    </message>
</context>
<context>
    <name>ProjectTableModel</name>
    <message>
        <location filename="../../ui/projects/table_model.py" line="28"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/projects/table_model.py" line="28"/>
        <source>Investor</source>
        <translation>投资方</translation>
    </message>
    <message>
        <location filename="../../ui/projects/table_model.py" line="28"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/projects/table_model.py" line="28"/>
        <source>Since</source>
        <translation>进入日期</translation>
    </message>
    <message>
        <location filename="../../ui/projects/table_model.py" line="28"/>
        <source>Station</source>
        <translation>联络站</translation>
    </message>
    <message>
        <location filename="../../ui/projects/table_model.py" line="29"/>
        <source>Planned (10k ¥)</source>
        <translation>计划(万元)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/table_model.py" line="29"/>
        <source>Signed (10k ¥)</source>
        <translation>签约(万元)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/table_model.py" line="29"/>
        <source>Arrived (10k ¥)</source>
        <translation>到资(万元)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/projects/table_model.py" line="73"/>
        <source>In this stage for %n day(s): waiting too long</source>
        <translation>
            <numerusform>处于该阶段已%n天：停留过久</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectsPage</name>
    <message>
        <location filename="../../ui/main_window.py" line="47"/>
        <location filename="../../ui/projects/page.py" line="42"/>
        <source>Projects</source>
        <translation>招商项目</translation>
    </message>
    <message>
        <location filename="../../ui/projects/page.py" line="87"/>
        <source>&amp;Board</source>
        <translation>看板(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/page.py" line="89"/>
        <source>&amp;List</source>
        <translation>列表(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/page.py" line="96"/>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/projects/page.py" line="97"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/projects/page.py" line="99"/>
        <source>&amp;Move to</source>
        <translation>转入(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/page.py" line="100"/>
        <source>Move the project to another stage (Ctrl+Left / Ctrl+Right on the board)</source>
        <translation>将项目转入其他阶段(看板上按 Ctrl+← / Ctrl+→)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/page.py" line="116"/>
        <source>Search project or investor…</source>
        <translation>搜索项目或投资方…</translation>
    </message>
    <message>
        <location filename="../../ui/projects/page.py" line="127"/>
        <source>Chushang only</source>
        <translation>仅楚商项目</translation>
    </message>
    <message>
        <location filename="../../ui/projects/page.py" line="128"/>
        <source>Only Chushang (楚商) projects</source>
        <translation>只显示楚商项目</translation>
    </message>
    <message>
        <location filename="../../ui/projects/page.py" line="129"/>
        <source>Alumni only</source>
        <translation>仅校友项目</translation>
    </message>
    <message>
        <location filename="../../ui/projects/page.py" line="130"/>
        <source>Only alumni (校友) projects</source>
        <translation>只显示校友项目</translation>
    </message>
    <message>
        <location filename="../../ui/projects/page.py" line="186"/>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <location filename="../../ui/projects/page.py" line="187"/>
        <source>All stations</source>
        <translation>全部联络站</translation>
    </message>
    <message>
        <location filename="../../ui/projects/page.py" line="190"/>
        <source>All industries</source>
        <translation>全部行业</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/projects/page.py" line="226"/>
        <location filename="../../ui/projects/page.py" line="233"/>
        <source>%Ln project(s)</source>
        <translation>
            <numerusform>%Ln个项目</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../ui/i18n.py" line="20"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="21"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RankingPanel</name>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="126"/>
        <source>Ambassador ranking</source>
        <translation>招商大使排名</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="132"/>
        <source>Year </source>
        <translation>年度 </translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="138"/>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="140"/>
        <source>C&amp;hain…</source>
        <translation>推荐链(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="141"/>
        <source>The selected ambassador&apos;s chain of referrals</source>
        <translation>所选招商大使的推荐链</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="155"/>
        <source>Signed and landed count the projects an ambassador&apos;s referrals link to, signed or landed in the year; capital is what arrived on them in the year, each project once. Double-click for the chain.</source>
        <translation>签约、落地为该大使的推荐所关联的项目中本年度签约、落地的个数；到资为这些项目本年度的到资金额，每个项目只计一次。双击查看推荐链。</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="173"/>
        <source>#</source>
        <translation>名次</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="173"/>
        <source>Ambassador</source>
        <translation>招商大使</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="173"/>
        <source>Referrals</source>
        <translation>推荐</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="174"/>
        <source>Signed</source>
        <translation>签约</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="174"/>
        <source>Landed</source>
        <translation>落地</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="174"/>
        <source>Capital</source>
        <translation>到资</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="175"/>
        <source>Capital arrived in the year, in 10k yuan (万元)</source>
        <translation>本年度到资金额（万元）</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="191"/>
        <source>All stations</source>
        <translation>全部联络站</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/referrals/ambassadors.py" line="221"/>
        <source>%Ln ambassador(s) ranked</source>
        <translation>
            <numerusform>共 %Ln 位招商大使</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="222"/>
        <source>No ambassador has referrals or results in {0}.</source>
        <translation>{0} 年没有招商大使的推荐或成效记录。</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="252"/>
        <source>ambassadors-{0}.xlsx</source>
        <translation>招商大使排名-{0}.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="253"/>
        <location filename="../../ui/referrals/ambassadors.py" line="273"/>
        <source>Export the ranking</source>
        <translation>导出排名</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/ambassadors.py" line="254"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/referrals/ambassadors.py" line="269"/>
        <source>Exported %Ln ambassador(s) to {0}</source>
        <translation>
            <numerusform>已导出 %Ln 位招商大使到 {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordsDialog</name>
    <message>
        <location filename="../../ui/dashboard/records.py" line="22"/>
        <source>Records behind the figure</source>
        <translation>数据明细</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/records.py" line="44"/>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/records.py" line="70"/>
        <source>Not recorded yet: nothing is counted for this figure.</source>
        <translation>尚未录入：此项暂无统计记录。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dashboard/records.py" line="71"/>
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>共 %Ln 条</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/records.py" line="73"/>
        <source>Showing the first {0} of {1} records</source>
        <translation>显示前 {0} 条，共 {1} 条</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/records.py" line="76"/>
        <source>Total {0} (10k yuan)</source>
        <translation>合计 {0} 万元</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/records.py" line="80"/>
        <location filename="../../ui/dashboard/records.py" line="97"/>
        <source>Station</source>
        <translation>联络站</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/records.py" line="86"/>
        <source>Signed on</source>
        <translation>签约日期</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/records.py" line="86"/>
        <source>Landed on</source>
        <translation>落地日期</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/records.py" line="87"/>
        <location filename="../../ui/dashboard/records.py" line="90"/>
        <source>Project</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/records.py" line="87"/>
        <source>Investor</source>
        <translation>投资方</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/records.py" line="88"/>
        <source>Signed amount (10k yuan)</source>
        <translation>签约金额（万元）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/records.py" line="90"/>
        <source>Arrived on</source>
        <translation>到资日期</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/records.py" line="90"/>
        <source>Amount (10k yuan)</source>
        <translation>金额（万元）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/records.py" line="91"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/records.py" line="93"/>
        <source>Chamber</source>
        <translation>商会</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/records.py" line="93"/>
        <source>Founded (or recorded) on</source>
        <translation>成立（或录入）日期</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/records.py" line="95"/>
        <source>Event</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/records.py" line="95"/>
        <source>Held on</source>
        <translation>举办日期</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/records.py" line="95"/>
        <source>Region and place</source>
        <translation>地区与地点</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/records.py" line="99"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/records.py" line="100"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/records.py" line="100"/>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/records.py" line="100"/>
        <source>On file since</source>
        <translation>入库日期</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../../ui/referrals/dialog.py" line="32"/>
        <source>Edit referral</source>
        <translation>编辑推荐</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/dialog.py" line="32"/>
        <source>New referral</source>
        <translation>新建推荐</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/dialog.py" line="42"/>
        <source>&amp;Ambassador</source>
        <translation>招商大使(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/dialog.py" line="43"/>
        <source>Type a name, or press Down for all ambassadors</source>
        <translation>输入姓名，或按 ↓ 键列出全部招商大使</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/dialog.py" line="44"/>
        <source>Referred &amp;contact</source>
        <translation>被推荐人(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/dialog.py" line="45"/>
        <source>A person brought in…</source>
        <translation>引荐的人员…</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/dialog.py" line="46"/>
        <source>Referred &amp;organization</source>
        <translation>被推荐单位(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/dialog.py" line="48"/>
        <source>…or a company or chamber…</source>
        <translation>…或企业、商协会…</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/dialog.py" line="49"/>
        <source>&amp;Project</source>
        <translation>项目(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/dialog.py" line="50"/>
        <source>…or a project, existing or new (at least one of the three)</source>
        <translation>…或项目，可选已有项目或新建（三者至少填一项）</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/dialog.py" line="52"/>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/dialog.py" line="53"/>
        <source>S&amp;tatus</source>
        <translation>状态(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/dialog.py" line="55"/>
        <source>Reached o&amp;n</source>
        <translation>进展日期(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/dialog.py" line="57"/>
        <source>The day the referral reached this status</source>
        <translation>推荐进展到此状态的日期</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/dialog.py" line="60"/>
        <source>At e&amp;vent</source>
        <translation>来自活动(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/dialog.py" line="61"/>
        <source>The event it came from, if any</source>
        <translation>推荐来自哪场活动（如有）</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/dialog.py" line="62"/>
        <source>&amp;Station</source>
        <translation>联络站(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/dialog.py" line="64"/>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
</context>
<context>
    <name>ReferralStatuses</name>
    <message>
        <location filename="../../ui/labels.py" line="55"/>
        <source>New lead</source>
        <translation>新线索</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="56"/>
        <source>Contacted</source>
        <translation>已对接</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="57"/>
        <source>Negotiating</source>
        <translation>洽谈中</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="58"/>
        <source>Signed</source>
        <translation>已签约</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="59"/>
        <source>Landed</source>
        <translation>已落地</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="60"/>
        <source>Dropped</source>
        <translation>已终止</translation>
    </message>
</context>
<context>
    <name>ReferralTableModel</name>
    <message>
        <location filename="../../ui/referrals/model.py" line="27"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/model.py" line="27"/>
        <source>Ambassador</source>
        <translation>招商大使</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/model.py" line="27"/>
        <source>Referred</source>
        <translation>推荐对象</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/model.py" line="28"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/model.py" line="28"/>
        <source>Station</source>
        <translation>联络站</translation>
    </message>
</context>
<context>
    <name>ReferralsPage</name>
    <message>
        <location filename="../../ui/main_window.py" line="44"/>
        <location filename="../../ui/referrals/page.py" line="35"/>
        <source>Referrals</source>
        <translation>推荐</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/page.py" line="45"/>
        <source>Click to show every ambassador&apos;s referrals</source>
        <translation>点击显示全部招商大使的推荐</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/page.py" line="48"/>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/page.py" line="49"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/page.py" line="51"/>
        <source>Set &amp;status</source>
        <translation>设置状态(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/page.py" line="55"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/page.py" line="56"/>
        <source>C&amp;hain…</source>
        <translation>推荐链(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/page.py" line="57"/>
        <source>The chain of referrals of the selected referral&apos;s ambassador</source>
        <translation>所选推荐的招商大使的推荐链</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/page.py" line="82"/>
        <source>Outcomes</source>
        <translation>成效</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/page.py" line="83"/>
        <source>Ranking</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/page.py" line="131"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/page.py" line="132"/>
        <source>All stations</source>
        <translation>全部联络站</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/referrals/page.py" line="149"/>
        <source>%Ln referral(s)</source>
        <translation>
            <numerusform>%Ln 条推荐</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/referrals/page.py" line="156"/>
        <source>Ambassador: {0}  ✕</source>
        <translation>招商大使：{0}  ✕</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/page.py" line="220"/>
        <source>Delete referral</source>
        <translation>删除推荐</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/page.py" line="221"/>
        <source>Delete the referral of “{0}” by {1}?</source>
        <translation>删除 {1} 对“{0}”的推荐？</translation>
    </message>
</context>
<context>
    <name>SaveDialog</name>
    <message>
        <location filename="../../ui/widgets/save_dialog.py" line="53"/>
        <source>Choose one of the matches from the list</source>
        <translation>请从列表中选择一个匹配项</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="25"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="28"/>
        <source>Your name, as it appears on visit records</source>
        <translation>您的姓名，将显示在走访记录中</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="30"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="37"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="52"/>
        <source>Officer name</source>
        <translation>联络员姓名</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="53"/>
        <source>Station</source>
        <translation>联络站</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="54"/>
        <source>Remind of key contacts not visited for</source>
        <translation>重点人员未走访提醒</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="55"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="56"/>
        <source>A new language applies fully after restarting the app.</source>
        <translation>切换语言后，重启程序才能完全生效。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="59"/>
        <source>Server CA certificate</source>
        <translation>服务器 CA 证书</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="61"/>
        <source>Change the recovery passphrase…</source>
        <translation>修改恢复口令…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="63"/>
        <source>Encryption</source>
        <translation>加密</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="81"/>
        <source>Recovery passphrase changed</source>
        <translation>恢复口令已修改</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/sync/sign_in.py" line="30"/>
        <source>Sign in to server</source>
        <translation>登录同步服务器</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sign_in.py" line="44"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sign_in.py" line="57"/>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sign_in.py" line="58"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sign_in.py" line="59"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sign_in.py" line="60"/>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sign_in.py" line="68"/>
        <source>Sign in once on this computer. Edits made offline go up when a connection exists.</source>
        <translation>在这台电脑上登录一次即可。离线时的修改会在联网后自动上传。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sign_in.py" line="69"/>
        <source>Signed in as {0} on {1}. Signing in again replaces that account; edits not yet synced are kept and go up to the new account.</source>
        <translation>当前以 {0} 登录 {1}。重新登录将替换该账号；尚未同步的修改会保留，并上传到新账号。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sign_in.py" line="94"/>
        <source>Enter the server address, your user name and your password.</source>
        <translation>请填写服务器地址、用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sign_in.py" line="97"/>
        <source>The server address starts with http:// or https://</source>
        <translation>服务器地址应以 http:// 或 https:// 开头</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sign_in.py" line="111"/>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>SignOut</name>
    <message>
        <location filename="../../ui/sync/sign_in.py" line="166"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync/sign_in.py" line="167"/>
        <source>%Ln edit(s) have not reached the server yet.</source>
        <translation>
            <numerusform>还有 %Ln 条修改尚未上传到服务器。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sync/sign_in.py" line="168"/>
        <source>Keep them and stay signed in so they go up with the next sync, or discard them for good and sign out.</source>
        <translation>保留这些修改并保持登录，下次同步时上传；或永久放弃这些修改并退出登录。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sign_in.py" line="170"/>
        <source>Keep them</source>
        <translation>保留修改</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sign_in.py" line="171"/>
        <source>Discard and sign out</source>
        <translation>放弃修改并退出</translation>
    </message>
</context>
<context>
    <name>StageCardsModel</name>
    <message>
        <location filename="../../ui/projects/board.py" line="83"/>
        <source>Planned: {0} (10k ¥)</source>
        <translation>计划投资：{0}万元</translation>
    </message>
    <message>
        <location filename="../../ui/projects/board.py" line="85"/>
        <source>Signed: {0} (10k ¥)</source>
        <translation>签约金额：{0}万元</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/projects/board.py" line="88"/>
        <source>In {0} for %n day(s)</source>
        <translation>
            <numerusform>处于{0}阶段已%n天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/projects/board.py" line="90"/>
        <source>Waiting too long: the limit is %n day(s)</source>
        <translation>
            <numerusform>停留过久：该阶段时限为%n天</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncFields</name>
    <message>
        <location filename="../../ui/sync/texts.py" line="133"/>
        <source>Refused by the server</source>
        <translation>被服务器拒收</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="134"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="135"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="136"/>
        <source>Merchant</source>
        <translation>楚商</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="137"/>
        <source>Alumnus</source>
        <translation>校友</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="138"/>
        <source>Talent</source>
        <translation>人才</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="139"/>
        <source>Key contact</source>
        <translation>重点人员</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="140"/>
        <location filename="../../ui/sync/texts.py" line="182"/>
        <source>Ambassador</source>
        <translation>招商大使</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="141"/>
        <source>Ambassador since</source>
        <translation>聘任日期</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="142"/>
        <source>Appointed by</source>
        <translation>聘任单位</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="143"/>
        <source>Native prefecture</source>
        <translation>籍贯（市州）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="144"/>
        <source>Native county</source>
        <translation>籍贯（县市区）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="145"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="146"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="147"/>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="148"/>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="149"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="150"/>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="151"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="152"/>
        <source>Email</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="153"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="154"/>
        <source>University</source>
        <translation>毕业院校</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="155"/>
        <source>Degree</source>
        <translation>学历</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="156"/>
        <source>Graduation year</source>
        <translation>毕业年份</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="157"/>
        <source>Talent titles</source>
        <translation>人才称号</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="158"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="159"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="160"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="161"/>
        <source>Station</source>
        <translation>联络站</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="162"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="163"/>
        <source>Founded on</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="164"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="165"/>
        <source>Role</source>
        <translation>担任职务</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="166"/>
        <source>Since</source>
        <translation>加入日期</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="167"/>
        <source>Visit date</source>
        <translation>走访日期</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="168"/>
        <source>Officers</source>
        <translation>联络员</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="169"/>
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="170"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="171"/>
        <source>Purpose</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="172"/>
        <source>Summary</source>
        <translation>纪要</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="173"/>
        <source>Intended industry</source>
        <translation>意向产业</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="174"/>
        <source>Intended amount (10k yuan)</source>
        <translation>意向金额（万元）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="175"/>
        <source>Intention note</source>
        <translation>意向说明</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="176"/>
        <source>Next contact date</source>
        <translation>下次联系日期</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="177"/>
        <source>Task</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="178"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="179"/>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="180"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="181"/>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="183"/>
        <source>Referred contact</source>
        <translation>被推荐人</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="184"/>
        <source>Referred organization</source>
        <translation>被推荐单位</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="185"/>
        <location filename="../../ui/sync/texts.py" line="227"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="186"/>
        <source>Referred on</source>
        <translation>推荐日期</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="187"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="188"/>
        <source>Contact</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="189"/>
        <source>Organization</source>
        <translation>组织</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="190"/>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="191"/>
        <source>Contact kept</source>
        <translation>保留的人员</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="192"/>
        <source>Contacts merged</source>
        <translation>被合并的人员</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="193"/>
        <source>Records moved</source>
        <translation>转移的记录</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="194"/>
        <source>Values before the merge</source>
        <translation>合并前的内容</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="195"/>
        <source>Undone</source>
        <translation>撤销时间</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="196"/>
        <source>Deleted</source>
        <translation>删除状态</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="197"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="198"/>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="199"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="200"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="201"/>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="202"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="203"/>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="204"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="205"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="206"/>
        <source>Sort order</source>
        <translation>排序</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="207"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="208"/>
        <source>Planned amount (10,000 yuan)</source>
        <translation>计划投资（万元）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="209"/>
        <source>Target district</source>
        <translation>拟落地区</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="210"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="211"/>
        <source>Recommended on</source>
        <translation>推介日期</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="212"/>
        <source>Tracked since</source>
        <translation>跟踪日期</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="213"/>
        <source>Contacted on</source>
        <translation>接洽日期</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="214"/>
        <source>Negotiating since</source>
        <translation>洽谈日期</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="215"/>
        <source>Signed on</source>
        <translation>签约日期</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="216"/>
        <source>Landed on</source>
        <translation>落地日期</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="217"/>
        <source>Dropped on</source>
        <translation>退库日期</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="218"/>
        <source>Reason dropped</source>
        <translation>退库原因</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="219"/>
        <source>Signed amount (10,000 yuan)</source>
        <translation>签约金额（万元）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="220"/>
        <source>Chushang project</source>
        <translation>楚商项目</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="221"/>
        <source>Alumni project</source>
        <translation>校友项目</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="222"/>
        <source>Leading official</source>
        <translation>牵头领导</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="223"/>
        <source>Task force</source>
        <translation>工作专班</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="224"/>
        <source>Plan</source>
        <translation>推进方案</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="225"/>
        <source>Waiting on</source>
        <translation>待解决问题</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="226"/>
        <source>Tracked by</source>
        <translation>跟踪人</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="228"/>
        <source>Amount (10,000 yuan)</source>
        <translation>金额（万元）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="229"/>
        <source>Promised for</source>
        <translation>承诺到资日期</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="230"/>
        <source>Arrived on</source>
        <translation>到资日期</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="231"/>
        <source>Held on</source>
        <translation>举办日期</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="232"/>
        <source>Organizer</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="233"/>
        <source>Counts for</source>
        <translation>计入类别</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="234"/>
        <source>Invited</source>
        <translation>已邀请</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="235"/>
        <source>Attended</source>
        <translation>已出席</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="236"/>
        <source>Event</source>
        <translation>活动</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../ui/sync/status.py" line="52"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status.py" line="55"/>
        <source>Send edits and fetch other stations&apos; changes now (F9)</source>
        <translation>立即上传修改并获取其他联络站的更新（F9）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status.py" line="69"/>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status.py" line="70"/>
        <source>Use File → Sign in to server… to sync with headquarters</source>
        <translation>使用“文件 → 登录同步服务器…”与市局同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status.py" line="75"/>
        <source>Signed in</source>
        <translation>已登录</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status.py" line="81"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status.py" line="90"/>
        <source>Syncing… {0} of {1} edits sent</source>
        <translation>正在同步… 已发送 {0}/{1} 条修改</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status.py" line="92"/>
        <source>Syncing… {0} changes received</source>
        <translation>正在同步… 已接收 {0} 条更新</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status.py" line="96"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status.py" line="108"/>
        <source>No network</source>
        <translation>无网络</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status.py" line="110"/>
        <source>Server unreachable</source>
        <translation>服务器无应答</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status.py" line="112"/>
        <source>Refused by the server</source>
        <translation>服务器拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status.py" line="114"/>
        <source>Sync stopped</source>
        <translation>同步已停止</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status.py" line="115"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync/status.py" line="143"/>
        <source>%Ln record(s) not stored</source>
        <translation>
            <numerusform>%Ln 条记录未保存</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sync/status.py" line="76"/>
        <source>{0} on {1}</source>
        <translation>{0}，服务器 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status.py" line="46"/>
        <source>Records from the server that could not be stored on this laptop; sync goes on without them. Click to see them.</source>
        <translation>来自服务器、无法保存到本机的记录；同步不受影响。点击查看。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status.py" line="125"/>
        <source>Last sync {0}</source>
        <translation>上次同步 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status.py" line="125"/>
        <source>Never synced</source>
        <translation>尚未同步</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync/status.py" line="139"/>
        <source>Needs review (%Ln)</source>
        <translation>
            <numerusform>待核对的修改（%Ln）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncTexts</name>
    <message>
        <location filename="../../ui/sync/texts.py" line="46"/>
        <source>Not signed in: use File → Sign in to server…</source>
        <translation>未登录：请使用“文件 → 登录同步服务器…”</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="48"/>
        <source>No network: sync resumes by itself once connected</source>
        <translation>无网络：联网后将自动继续同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="49"/>
        <source>The server does not answer: sync resumes by itself when it is back</source>
        <translation>服务器没有应答：恢复后将自动继续同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="50"/>
        <source>The server no longer accepts this account: sign in again</source>
        <translation>服务器不再接受此账号：请重新登录</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="51"/>
        <source>This computer&apos;s access was revoked: sign in again</source>
        <translation>此电脑的登录已被撤销：请重新登录</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="52"/>
        <source>The sign-in has expired: sign in again</source>
        <translation>登录已失效：请重新登录</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="53"/>
        <source>Too many requests: will retry at {0}</source>
        <translation>请求过于频繁：将于 {0} 重试</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="54"/>
        <source>This app is too old for the server: please update Chushang Desk</source>
        <translation>本软件版本过旧：请更新楚商联络台</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="55"/>
        <source>The server is too old for this app: the server must be updated</source>
        <translation>服务器版本过旧：需要升级服务器</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="56"/>
        <source>The server is busy: will retry at {0}</source>
        <translation>服务器繁忙：将于 {0} 重试</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="57"/>
        <source>The server had a problem: will retry at {0}</source>
        <translation>服务器出错：将于 {0} 重试</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="58"/>
        <source>An edit is too large to send: will retry at {0}</source>
        <translation>有修改过大无法发送：将于 {0} 重试</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="59"/>
        <source>Refused to send over plain http://: sign in again with the server&apos;s https:// address</source>
        <translation>已拒绝通过不加密的 http:// 发送：请用服务器的 https:// 地址重新登录</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="60"/>
        <source>The server address is not an https:// address: sign in again</source>
        <translation>服务器地址不是 https:// 地址：请重新登录</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="61"/>
        <source>The CA certificate file cannot be read: choose it again in File → Settings</source>
        <translation>无法读取 CA 证书文件：请在 文件 → 设置 中重新选择</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="62"/>
        <source>The server&apos;s certificate is not trusted, nothing was sent: will retry at {0}</source>
        <translation>服务器证书不受信任，未发送任何数据：将于 {0} 重试</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="63"/>
        <source>The server&apos;s certificate has expired (or this computer&apos;s date is wrong), nothing was sent: will retry at {0}</source>
        <translation>服务器证书已过期（或本机日期不正确），未发送任何数据：将于 {0} 重试</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="64"/>
        <source>The server&apos;s certificate is for another address, nothing was sent: will retry at {0}</source>
        <translation>服务器证书不属于这个地址，未发送任何数据：将于 {0} 重试</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="65"/>
        <source>No secure connection to the server could be made: will retry at {0}</source>
        <translation>无法与服务器建立安全连接：将于 {0} 重试</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="69"/>
        <source>Sync failed ({0}): will retry at {1}</source>
        <translation>同步失败（{0}）：将于 {1} 重试</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="76"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码不正确。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="77"/>
        <source>This computer has no network connection. Connect to a network and try again.</source>
        <translation>本机没有网络连接。请连接网络后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="78"/>
        <source>The server does not answer. Check the address; if it is right, the server may be stopped: tell the administrator.</source>
        <translation>服务器没有应答。请检查服务器地址；如地址无误，服务器可能已停止，请告知管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="80"/>
        <source>Too many failed sign-ins. Try again in {0} min.</source>
        <translation>登录失败次数过多，请 {0} 分钟后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="81"/>
        <source>This version of Chushang Desk is too old for the server: please update it.</source>
        <translation>此版本的楚商联络台过旧，服务器不再支持：请更新。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="82"/>
        <source>The server is too old for this version of Chushang Desk: ask the administrator to update it.</source>
        <translation>服务器版本过旧，不支持此版本的楚商联络台：请联系管理员升级服务器。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="83"/>
        <source>The server is busy. Try again in a moment.</source>
        <translation>服务器繁忙。请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="84"/>
        <source>The server ran into a problem. Try again later or tell the administrator.</source>
        <translation>服务器出错。请稍后再试或联系管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="85"/>
        <location filename="../../ui/sync/texts.py" line="86"/>
        <source>The server refused this computer. Ask the administrator.</source>
        <translation>服务器拒绝了这台电脑。请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="87"/>
        <source>To protect your password and the records, the server is reached only at an https:// address (http:// only on this computer). Nothing was sent. Ask the administrator for the https:// address.</source>
        <translation>为保护密码和数据，只能用 https:// 地址连接服务器（http:// 仅限本机）。未发送任何数据。请向管理员索取 https:// 地址。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="88"/>
        <source>The server address starts with http:// or https://</source>
        <translation>服务器地址应以 http:// 或 https:// 开头</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="89"/>
        <source>The CA certificate file cannot be read. Choose the bureau&apos;s CA certificate (a PEM file), or leave the field empty.</source>
        <translation>无法读取 CA 证书文件。请选择单位的 CA 证书（PEM 文件），或留空。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="90"/>
        <source>The server&apos;s certificate is not trusted (self-signed or from an unknown authority). Nothing was sent. If the bureau uses its own certificates, choose its CA certificate file above; otherwise someone may be posing as the server: tell the administrator.</source>
        <translation>服务器的证书不受信任（自签名或由未知机构签发）。未发送任何数据。如单位使用自己的证书，请在上方选择单位的 CA 证书文件；否则可能有人冒充服务器，请告知管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="91"/>
        <source>The server&apos;s certificate has expired, or this computer&apos;s date is wrong. Nothing was sent. Check the date and ask the administrator to renew the certificate.</source>
        <translation>服务器的证书已过期，或本机日期不正确。未发送任何数据。请检查电脑日期，并请管理员更新证书。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="92"/>
        <source>The server&apos;s certificate is for another address. Nothing was sent. Check the server address; otherwise someone may be posing as the server: tell the administrator.</source>
        <translation>服务器的证书不属于这个地址。未发送任何数据。请检查服务器地址是否正确；否则可能有人冒充服务器，请告知管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="93"/>
        <source>No secure connection to the server could be made (TLS handshake failed). Nothing was sent. The network may block encrypted connections, or the address serves no HTTPS.</source>
        <translation>无法与服务器建立安全连接（TLS 握手失败）。未发送任何数据。网络可能拦截了加密连接，或该地址不提供 https 服务。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="97"/>
        <source>Sign-in failed: {0}</source>
        <translation>登录失败：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="111"/>
        <source>Contact</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="112"/>
        <source>Organization</source>
        <translation>组织</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="113"/>
        <source>Affiliation</source>
        <translation>任职关系</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="114"/>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="115"/>
        <source>Visit attendee</source>
        <translation>走访对象</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="116"/>
        <source>Visited organization</source>
        <translation>走访组织</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="117"/>
        <source>Follow-up</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="118"/>
        <source>Referral</source>
        <translation>推荐</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="119"/>
        <source>Reference list entry</source>
        <translation>基础数据条目</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="120"/>
        <source>Annual target</source>
        <translation>年度目标</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="121"/>
        <source>Contact merge</source>
        <translation>人员合并</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="122"/>
        <source>Project</source>
        <translation>招商项目</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="123"/>
        <source>Capital arrival</source>
        <translation>到资</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="124"/>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="125"/>
        <source>Event attendee</source>
        <translation>活动嘉宾</translation>
    </message>
</context>
<context>
    <name>SyncUi</name>
    <message>
        <location filename="../../ui/sync/wiring.py" line="34"/>
        <source>Sign &amp;in to server…</source>
        <translation>登录同步服务器(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/wiring.py" line="36"/>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/wiring.py" line="39"/>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/wiring.py" line="43"/>
        <source>&amp;Needs review</source>
        <translation>待核对的修改(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/wiring.py" line="64"/>
        <source>S&amp;ync</source>
        <translation>同步(&amp;Y)</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <location filename="../../ui/dashboard/targets_dialog.py" line="26"/>
        <source>Edit targets</source>
        <translation>编辑年度目标</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/targets_dialog.py" line="31"/>
        <source>City-wide</source>
        <translation>全市</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/targets_dialog.py" line="42"/>
        <source>no target</source>
        <translation>未设目标</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/targets_dialog.py" line="55"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/targets_dialog.py" line="58"/>
        <source>Targets of</source>
        <translation>目标范围</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/targets_dialog.py" line="78"/>
        <source>Discard the targets you typed?</source>
        <translation>放弃已填写的目标？</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/targets_dialog.py" line="112"/>
        <source>the city</source>
        <translation>全市</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/targets_dialog.py" line="114"/>
        <source>No targets of {0} yet. A station without targets of its own shows none (never the city&apos;s).</source>
        <translation>{0}尚未设定目标。联络站未设自己的目标时不显示目标（不沿用全市目标）。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/targets_dialog.py" line="117"/>
        <source>No targets set for {0} in {1}: these are carried from {2}. Saving sets {1}&apos;s own.</source>
        <translation>{0}未设 {1} 年目标，以下沿用 {2} 年目标。保存后即为 {1} 年目标。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/targets_dialog.py" line="119"/>
        <source>The targets of {0} for {1}. An empty field takes the target away.</source>
        <translation>{0} {1} 年目标。清空某项即取消该项目标。</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../ui/main_window.py" line="37"/>
        <location filename="../../ui/today/counts.py" line="23"/>
        <location filename="../../ui/today/page.py" line="46"/>
        <source>Today</source>
        <translation>今日待办</translation>
    </message>
    <message>
        <location filename="../../ui/today/counts.py" line="20"/>
        <source>Today (99+)</source>
        <translation>今日待办（99+）</translation>
    </message>
    <message>
        <location filename="../../ui/today/counts.py" line="22"/>
        <source>Today (%Ln)</source>
        <translation>今日待办（%Ln）</translation>
    </message>
    <message>
        <location filename="../../ui/today/page.py" line="58"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../ui/today/page.py" line="59"/>
        <source>A key contact not visited for this many days is listed here (also in Settings)</source>
        <translation>重点人员超过这么多天未走访，即列入此处（也可在“设置”中修改）</translation>
    </message>
    <message>
        <location filename="../../ui/today/page.py" line="63"/>
        <source>Key contacts not visited for</source>
        <translation>重点人员未走访超过</translation>
    </message>
    <message>
        <location filename="../../ui/today/page.py" line="65"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/today/page.py" line="73"/>
        <source>Nothing is due today: no follow-up waiting, every key contact visited lately, no project stuck in a stage, no capital overdue. The day is clear.</source>
        <translation>今天没有待办：没有到期的跟进事项，重点人员近期都已走访，没有在某一阶段停留过久的项目，也没有逾期未到的资金。</translation>
    </message>
    <message>
        <location filename="../../ui/today/page.py" line="89"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/today/page.py" line="89"/>
        <source>When</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/today/page.py" line="89"/>
        <source>How long</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../ui/today/page.py" line="89"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/today/page.py" line="102"/>
        <source>Today, {0}</source>
        <translation>今天，{0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="167"/>
        <source>%Ln due today</source>
        <translation>
            <numerusform>今天到期 %Ln 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="166"/>
        <source>%Ln follow-up(s) overdue</source>
        <translation>
            <numerusform>逾期待办 %Ln 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="168"/>
        <source>%Ln key contact(s) to visit</source>
        <translation>
            <numerusform>待走访重点人员 %Ln 位</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="169"/>
        <source>%Ln project(s) stuck</source>
        <translation>
            <numerusform>停滞项目 %Ln 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="170"/>
        <source>%Ln instalment(s) overdue</source>
        <translation>
            <numerusform>逾期未到资 %Ln 笔</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="171"/>
        <source>%Ln thing(s) to do today</source>
        <translation>
            <numerusform>今日待办 %Ln 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/today/page.py" line="173"/>
        <source>: </source>
        <translation>：</translation>
    </message>
    <message>
        <location filename="../../ui/today/page.py" line="173"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="175"/>
        <source>; %Ln more due in the next 7 days</source>
        <translation>
            <numerusform>；另有 %Ln 项 7 天内到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="181"/>
        <source>Follow-ups overdue (%Ln)</source>
        <translation>
            <numerusform>逾期待办（%Ln）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="182"/>
        <source>Follow-ups due today (%Ln)</source>
        <translation>
            <numerusform>今天到期的待办（%Ln）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="183"/>
        <source>Follow-ups in the next 7 days (%Ln)</source>
        <translation>
            <numerusform>7 天内到期的待办（%Ln）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="184"/>
        <source>Key contacts not visited for %1 days (%Ln)</source>
        <translation>
            <numerusform>超过 %1 天未走访的重点人员（%Ln）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="186"/>
        <source>Projects waiting too long in a stage (%Ln)</source>
        <translation>
            <numerusform>阶段停留过久的项目（%Ln）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="187"/>
        <source>Capital promised and not arrived (%Ln)</source>
        <translation>
            <numerusform>约定到资逾期未到（%Ln）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="204"/>
        <source>… and %Ln more</source>
        <translation>
            <numerusform>……还有 %Ln 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/today/page.py" line="211"/>
        <source>Next contact (set at a visit)</source>
        <translation>下次联系（走访时约定）</translation>
    </message>
    <message>
        <location filename="../../ui/today/page.py" line="214"/>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="228"/>
        <location filename="../../ui/today/page.py" line="243"/>
        <source>%Ln day(s) late</source>
        <translation>
            <numerusform>逾期 %Ln 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/today/page.py" line="230"/>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="231"/>
        <source>in %Ln day(s)</source>
        <translation>
            <numerusform>%Ln 天后</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/today/page.py" line="235"/>
        <source>never visited</source>
        <translation>从未走访</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="236"/>
        <source>%Ln day(s) ago</source>
        <translation>
            <numerusform>%Ln 天前</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/today/page.py" line="240"/>
        <source>{0}: over {1} days</source>
        <translation>{0}：超过 {1} 天</translation>
    </message>
    <message>
        <location filename="../../ui/today/page.py" line="244"/>
        <source>{0} (10k yuan) promised</source>
        <translation>约定到资 {0} 万元</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="239"/>
        <source>%Ln day(s) in the stage</source>
        <translation>
            <numerusform>本阶段已 %Ln 天</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitExport</name>
    <message>
        <location filename="../../ui/visits/export.py" line="33"/>
        <location filename="../../ui/visits/export.py" line="80"/>
        <location filename="../../ui/visits/export.py" line="109"/>
        <source>Export visit log</source>
        <translation>导出走访记录</translation>
    </message>
    <message>
        <location filename="../../ui/visits/export.py" line="33"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/export.py" line="69"/>
        <source>Exporting visits… {0} of {1}</source>
        <translation>正在导出走访记录… {0}/{1}</translation>
    </message>
    <message>
        <location filename="../../ui/visits/export.py" line="91"/>
        <source>Exported {0} visits to {1}</source>
        <translation>已导出 {0} 条走访记录到 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/visits/export.py" line="78"/>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，未写入文件。</translation>
    </message>
    <message>
        <location filename="../../ui/visits/export.py" line="93"/>
        <source>{0} texts longer than an Excel cell holds continue in full on the sheet {1}</source>
        <translation>{0} 段超过 Excel 单元格容量的文字已完整续在“{1}”表中</translation>
    </message>
    <message>
        <location filename="../../ui/visits/export.py" line="97"/>
        <source>{0} visits held values in an unexpected form, exported as stored</source>
        <translation>{0} 条走访记录含格式不符的数据，已按原样导出</translation>
    </message>
    <message>
        <location filename="../../ui/visits/export.py" line="108"/>
        <source>Exporting visits…</source>
        <translation>正在导出走访记录…</translation>
    </message>
    <message>
        <location filename="../../ui/visits/export.py" line="108"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message>
        <location filename="../../ui/visits/table_model.py" line="25"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/visits/table_model.py" line="25"/>
        <source>Station</source>
        <translation>联络站</translation>
    </message>
    <message>
        <location filename="../../ui/visits/table_model.py" line="25"/>
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/visits/table_model.py" line="25"/>
        <source>Contacts</source>
        <translation>走访对象</translation>
    </message>
    <message>
        <location filename="../../ui/visits/table_model.py" line="25"/>
        <source>Officers</source>
        <translation>联络员</translation>
    </message>
    <message>
        <location filename="../../ui/visits/table_model.py" line="26"/>
        <source>Purpose</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../ui/visits/table_model.py" line="26"/>
        <source>Next contact</source>
        <translation>下次联系</translation>
    </message>
    <message>
        <location filename="../../ui/visits/table_model.py" line="26"/>
        <source>Open follow-ups</source>
        <translation>未完成待办</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <location filename="../../ui/main_window.py" line="41"/>
        <location filename="../../ui/visits/page.py" line="45"/>
        <source>Visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../ui/visits/page.py" line="49"/>
        <source>Log a visit…</source>
        <translation>登记走访…</translation>
    </message>
    <message>
        <location filename="../../ui/visits/page.py" line="51"/>
        <source>Log a visit (Ctrl+Shift+V): the contact selected under Contacts is filled in</source>
        <translation>登记走访（Ctrl+Shift+V）：自动填入在名录中选中的人员</translation>
    </message>
    <message>
        <location filename="../../ui/visits/page.py" line="54"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/visits/page.py" line="56"/>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/visits/page.py" line="58"/>
        <source>E&amp;xport to Excel…</source>
        <translation>导出 Excel(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../ui/visits/page.py" line="73"/>
        <source>All stations</source>
        <translation>全部联络站</translation>
    </message>
    <message>
        <location filename="../../ui/visits/page.py" line="75"/>
        <source>Officer</source>
        <translation>联络员</translation>
    </message>
    <message>
        <location filename="../../ui/visits/page.py" line="85"/>
        <source>Contact…</source>
        <translation>走访对象…</translation>
    </message>
    <message>
        <location filename="../../ui/visits/page.py" line="87"/>
        <source>All modes</source>
        <translation>全部方式</translation>
    </message>
    <message>
        <location filename="../../ui/visits/page.py" line="88"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../ui/visits/page.py" line="91"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/visits/page.py" line="91"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/visits/page.py" line="127"/>
        <source>Select a visit to see its summary and follow-ups.</source>
        <translation>选择一条走访记录，查看其纪要和待办。</translation>
    </message>
    <message>
        <location filename="../../ui/visits/page.py" line="170"/>
        <location filename="../../ui/visits/page.py" line="183"/>
        <source>Searching…</source>
        <translation>正在查找…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/visits/page.py" line="195"/>
        <source>%Ln visit(s)</source>
        <translation>
            <numerusform>%Ln 条走访记录</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/visits/page.py" line="242"/>
        <source>Officers</source>
        <translation>联络员</translation>
    </message>
    <message>
        <location filename="../../ui/visits/page.py" line="243"/>
        <source>Organizations</source>
        <translation>组织</translation>
    </message>
    <message>
        <location filename="../../ui/visits/page.py" line="244"/>
        <source>Purpose</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../ui/visits/page.py" line="244"/>
        <source>Next contact</source>
        <translation>下次联系</translation>
    </message>
    <message>
        <location filename="../../ui/visits/page.py" line="247"/>
        <source>10k yuan</source>
        <translation>万元</translation>
    </message>
    <message>
        <location filename="../../ui/visits/page.py" line="249"/>
        <source>Investment intention</source>
        <translation>投资意向</translation>
    </message>
    <message>
        <location filename="../../ui/visits/page.py" line="251"/>
        <source>{0}:</source>
        <translation>{0}：</translation>
    </message>
    <message>
        <location filename="../../ui/visits/page.py" line="262"/>
        <source>Follow-ups</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../ui/visits/page.py" line="308"/>
        <source>Delete visit</source>
        <translation>删除走访记录</translation>
    </message>
    <message>
        <location filename="../../ui/visits/page.py" line="309"/>
        <source>Delete the visit {0}? Its follow-ups are removed with it.</source>
        <translation>删除走访记录 {0}？其待办将一并删除。</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../ui/errors.py" line="26"/>
        <source>The database could not be upgraded. Your data was left as it was; a copy is at {0}.</source>
        <translation>数据库升级失败。原有数据未作改动，备份位于 {0}。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="30"/>
        <source>The disk is full. Nothing was lost, but this was not saved or written. Free some space on the disk and try again.</source>
        <translation>磁盘已满。没有丢失任何资料，但这次的内容未能保存或写入。请腾出磁盘空间后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="32"/>
        <source>The database is busy or cannot be written. Nothing was lost; please try again.</source>
        <translation>数据库正忙或无法写入。数据未丢失，请重试。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="34"/>
        <source>The file could not be read or written: {0}</source>
        <translation>无法读写文件：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="35"/>
        <source>Something went wrong: {0}</source>
        <translation>出现错误：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="40"/>
        <source>The recovery passphrase is wrong.</source>
        <translation>恢复口令不对。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="42"/>
        <source>The directory stays locked: its recovery passphrase is needed to open it.</source>
        <translation>名录仍处于锁定状态：需要恢复口令才能打开。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="44"/>
        <source>The directory&apos;s key file (key.json) is missing, so its encrypted database cannot be opened. Restore key.json from a copy of the profile folder.</source>
        <translation>名录的密钥文件（key.json）不见了，加密的资料库无法打开。请从资料文件夹的备份中恢复 key.json。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="46"/>
        <source>The key does not open this database: the key file belongs to another directory, or the database is damaged.</source>
        <translation>密钥打不开这个资料库：密钥文件属于另一份名录，或资料库已损坏。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="47"/>
        <source>The directory&apos;s key could not be read: {0}</source>
        <translation>无法读取名录的密钥：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="59"/>
        <source>Chushang Desk</source>
        <translation>楚商联络台</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="64"/>
        <source>Log file: {0}</source>
        <translation>日志文件：{0}</translation>
    </message>
</context>
<context>
    <name>visits</name>
    <message>
        <location filename="../../ui/labels.py" line="19"/>
        <source>On-site visit</source>
        <translation>上门走访</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="20"/>
        <source>Inspection trip to Wuhan</source>
        <translation>来汉考察</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="21"/>
        <source>Phone / video call</source>
        <translation>电话/视频</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="22"/>
        <source>Meeting / event</source>
        <translation>座谈/活动</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="33"/>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="34"/>
        <source>due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="35"/>
        <source>open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="36"/>
        <source>open, no due date</source>
        <translation>未完成，无截止日期</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="37"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
</context>
</TS>
