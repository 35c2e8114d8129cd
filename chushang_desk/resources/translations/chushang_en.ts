<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ChainDialog</name>
    <message numerus="yes">
        <location filename="../../ui/referrals/ambassadors.py" line="72"/>
        <source>%Ln referral(s) in the chain</source>
        <translation>
            <numerusform>%Ln referral in the chain</numerusform><numerusform>%Ln referrals in the chain</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/referrals/ambassadors.py" line="90"/>
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln day</numerusform><numerusform>%Ln days</numerusform></translation>
    </message>
</context>
<context>
    <name>EventDetailPanel</name>
    <message numerus="yes">
        <location filename="../../ui/events/detail.py" line="153"/>
        <source>What followed: %n record(s)</source>
        <translation>
            <numerusform>What followed: %n record</numerusform><numerusform>What followed: %n records</numerusform></translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message numerus="yes">
        <location filename="../../ui/events/page.py" line="160"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform><numerusform>%n events</numerusform></translation>
    </message>
</context>
<context>
    <name>FollowUpsPage</name>
    <message numerus="yes">
        <location filename="../../ui/visits/follow_ups.py" line="86"/>
        <source>Overdue (%Ln)</source>
        <translation>
            <numerusform>Overdue (%Ln)</numerusform><numerusform>Overdue (%Ln)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/visits/follow_ups.py" line="86"/>
        <source>Today (%Ln)</source>
        <translation>
            <numerusform>Today (%Ln)</numerusform><numerusform>Today (%Ln)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/visits/follow_ups.py" line="87"/>
        <source>Next 7 days (%Ln)</source>
        <translation>
            <numerusform>Next 7 days (%Ln)</numerusform><numerusform>Next 7 days (%Ln)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/visits/follow_ups.py" line="87"/>
        <source>Later (%Ln)</source>
        <translation>
            <numerusform>Later (%Ln)</numerusform><numerusform>Later (%Ln)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/visits/follow_ups.py" line="88"/>
        <source>No due date (%Ln)</source>
        <translation>
            <numerusform>No due date (%Ln)</numerusform><numerusform>No due date (%Ln)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/visits/follow_ups.py" line="88"/>
        <source>Done (%Ln)</source>
        <translation>
            <numerusform>Done (%Ln)</numerusform><numerusform>Done (%Ln)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/visits/follow_ups.py" line="130"/>
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… and %Ln more</numerusform><numerusform>… and %Ln more</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/visits/follow_ups.py" line="135"/>
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln item</numerusform><numerusform>%Ln items</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="238"/>
        <source>%Ln edit(s) waiting to sync</source>
        <translation>
            <numerusform>%Ln edit waiting to sync</numerusform><numerusform>%Ln edits waiting to sync</numerusform></translation>
    </message>
</context>
<context>
    <name>OrganizationDetail</name>
    <message numerus="yes">
        <location filename="../../ui/organizations/detail.py" line="150"/>
        <source>Members (%n)</source>
        <translation>
            <numerusform>Members (%n)</numerusform><numerusform>Members (%n)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/organizations/detail.py" line="154"/>
        <source>Visits (%n)</source>
        <translation>
            <numerusform>Visits (%n)</numerusform><numerusform>Visits (%n)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/organizations/detail.py" line="158"/>
        <source>Referrals (%n)</source>
        <translation>
            <numerusform>Referrals (%n)</numerusform><numerusform>Referrals (%n)</numerusform></translation>
    </message>
</context>
<context>
    <name>OrganizationsPage</name>
    <message numerus="yes">
        <location filename="../../ui/organizations/page.py" line="149"/>
        <source>%Ln organization(s)</source>
        <translation>
            <numerusform>%Ln organization</numerusform><numerusform>%Ln organizations</numerusform></translation>
    </message>
</context>
<context>
    <name>OutcomesPanel</name>
    <message numerus="yes">
        <location filename="../../ui/referrals/outcomes.py" line="90"/>
        <source>%Ln ambassador(s)</source>
        <translation>
            <numerusform>%Ln ambassador</numerusform><numerusform>%Ln ambassadors</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/referrals/outcomes.py" line="90"/>
        <source>%Ln referral(s)</source>
        <translation>
            <numerusform>%Ln referral</numerusform><numerusform>%Ln referrals</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/referrals/outcomes.py" line="91"/>
        <source>%Ln signed</source>
        <translation>
            <numerusform>%Ln signed</numerusform><numerusform>%Ln signed</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/referrals/outcomes.py" line="91"/>
        <source>%Ln landed</source>
        <translation>
            <numerusform>%Ln landed</numerusform><numerusform>%Ln landed</numerusform></translation>
    </message>
</context>
<context>
    <name>ProjectDetail</name>
    <message numerus="yes">
        <location filename="../../ui/projects/detail.py" line="122"/>
        <source>Visits and referrals (%n)</source>
        <translation>
            <numerusform>Visits and referrals (%n)</numerusform><numerusform>Visits and referrals (%n)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/projects/detail.py" line="138"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform><numerusform>%n days</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/projects/detail.py" line="140"/>
        <source>waiting too long (limit %n day(s))</source>
        <translation>
            <numerusform>waiting too long (limit %n day)</numerusform><numerusform>waiting too long (limit %n days)</numerusform></translation>
    </message>
</context>
<context>
    <name>ProjectTableModel</name>
    <message numerus="yes">
        <location filename="../../ui/projects/table_model.py" line="73"/>
        <source>In this stage for %n day(s): waiting too long</source>
        <translation>
            <numerusform>In this stage for %n day: waiting too long</numerusform><numerusform>In this stage for %n days: waiting too long</numerusform></translation>
    </message>
</context>
<context>
    <name>ProjectsPage</name>
    <message numerus="yes">
        <location filename="../../ui/projects/page.py" line="226"/>
        <location filename="../../ui/projects/page.py" line="233"/>
        <source>%Ln project(s)</source>
        <translation>
            <numerusform>%Ln project</numerusform><numerusform>%Ln projects</numerusform></translation>
    </message>
</context>
<context>
    <name>RankingPanel</name>
    <message numerus="yes">
        <location filename="../../ui/referrals/ambassadors.py" line="221"/>
        <source>%Ln ambassador(s) ranked</source>
        <translation>
            <numerusform>%Ln ambassador ranked</numerusform><numerusform>%Ln ambassadors ranked</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/referrals/ambassadors.py" line="269"/>
        <source>Exported %Ln ambassador(s) to {0}</source>
        <translation>
            <numerusform>Exported %Ln ambassador to {0}</numerusform><numerusform>Exported %Ln ambassadors to {0}</numerusform></translation>
    </message>
</context>
<context>
    <name>RecordsDialog</name>
    <message numerus="yes">
        <location filename="../../ui/dashboard/records.py" line="71"/>
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln record</numerusform><numerusform>%Ln records</numerusform></translation>
    </message>
</context>
<context>
    <name>ReferralsPage</name>
    <message numerus="yes">
        <location filename="../../ui/referrals/page.py" line="149"/>
        <source>%Ln referral(s)</source>
        <translation>
            <numerusform>%Ln referral</numerusform><numerusform>%Ln referrals</numerusform></translation>
    </message>
</context>
<context>
    <name>SignOut</name>
    <message numerus="yes">
        <location filename="../../ui/sync/sign_in.py" line="167"/>
        <source>%Ln edit(s) have not reached the server yet.</source>
        <translation>
            <numerusform>%Ln edit has not reached the server yet.</numerusform><numerusform>%Ln edits have not reached the server yet.</numerusform></translation>
    </message>
</context>
<context>
    <name>StageCardsModel</name>
    <message numerus="yes">
        <location filename="../../ui/projects/board.py" line="88"/>
        <source>In {0} for %n day(s)</source>
        <translation>
            <numerusform>In {0} for %n day</numerusform><numerusform>In {0} for %n days</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/projects/board.py" line="90"/>
        <source>Waiting too long: the limit is %n day(s)</source>
        <translation>
            <numerusform>Waiting too long: the limit is %n day</numerusform><numerusform>Waiting too long: the limit is %n days</numerusform></translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message numerus="yes">
        <location filename="../../ui/sync/status.py" line="139"/>
        <source>Needs review (%Ln)</source>
        <translation>
            <numerusform>Needs review (%Ln)</numerusform><numerusform>Needs review (%Ln)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync/status.py" line="143"/>
        <source>%Ln record(s) not stored</source>
        <translation>
            <numerusform>%Ln record not stored</numerusform><numerusform>%Ln records not stored</numerusform></translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="167"/>
        <source>%Ln due today</source>
        <translation>
            <numerusform>%Ln due today</numerusform><numerusform>%Ln due today</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="166"/>
        <source>%Ln follow-up(s) overdue</source>
        <translation>
            <numerusform>%Ln follow-up overdue</numerusform><numerusform>%Ln follow-ups overdue</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="168"/>
        <source>%Ln key contact(s) to visit</source>
        <translation>
            <numerusform>%Ln key contact to visit</numerusform><numerusform>%Ln key contacts to visit</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="169"/>
        <source>%Ln project(s) stuck</source>
        <translation>
            <numerusform>%Ln project stuck</numerusform><numerusform>%Ln projects stuck</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="170"/>
        <source>%Ln instalment(s) overdue</source>
        <translation>
            <numerusform>%Ln instalment overdue</numerusform><numerusform>%Ln instalments overdue</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="171"/>
        <source>%Ln thing(s) to do today</source>
        <translation>
            <numerusform>%Ln thing to do today</numerusform><numerusform>%Ln things to do today</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="175"/>
        <source>; %Ln more due in the next 7 days</source>
        <translation>
            <numerusform>; %Ln more due in the next 7 days</numerusform><numerusform>; %Ln more due in the next 7 days</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="181"/>
        <source>Follow-ups overdue (%Ln)</source>
        <translation>
            <numerusform>Follow-ups overdue (%Ln)</numerusform><numerusform>Follow-ups overdue (%Ln)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="182"/>
        <source>Follow-ups due today (%Ln)</source>
        <translation>
            <numerusform>Follow-ups due today (%Ln)</numerusform><numerusform>Follow-ups due today (%Ln)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="183"/>
        <source>Follow-ups in the next 7 days (%Ln)</source>
        <translation>
            <numerusform>Follow-ups in the next 7 days (%Ln)</numerusform><numerusform>Follow-ups in the next 7 days (%Ln)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="184"/>
        <source>Key contacts not visited for %1 days (%Ln)</source>
        <translation>
            <numerusform>Key contacts not visited for %1 days (%Ln)</numerusform><numerusform>Key contacts not visited for %1 days (%Ln)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="186"/>
        <source>Projects waiting too long in a stage (%Ln)</source>
        <translation>
            <numerusform>Projects waiting too long in a stage (%Ln)</numerusform><numerusform>Projects waiting too long in a stage (%Ln)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="187"/>
        <source>Capital promised and not arrived (%Ln)</source>
        <translation>
            <numerusform>Capital promised and not arrived (%Ln)</numerusform><numerusform>Capital promised and not arrived (%Ln)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="204"/>
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… and %Ln more</numerusform><numerusform>… and %Ln more</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="228"/>
        <location filename="../../ui/today/page.py" line="243"/>
        <source>%Ln day(s) late</source>
        <translation>
            <numerusform>%Ln day late</numerusform><numerusform>%Ln days late</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="231"/>
        <source>in %Ln day(s)</source>
        <translation>
            <numerusform>in %Ln day</numerusform><numerusform>in %Ln days</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="236"/>
        <source>%Ln day(s) ago</source>
        <translation>
            <numerusform>%Ln day ago</numerusform><numerusform>%Ln days ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/page.py" line="239"/>
        <source>%Ln day(s) in the stage</source>
        <translation>
            <numerusform>%Ln day in the stage</numerusform><numerusform>%Ln days in the stage</numerusform></translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message numerus="yes">
        <location filename="../../ui/visits/page.py" line="195"/>
        <source>%Ln visit(s)</source>
        <translation>
            <numerusform>%Ln visit</numerusform><numerusform>%Ln visits</numerusform></translation>
    </message>
</context>
</TS>
