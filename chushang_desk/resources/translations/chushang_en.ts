<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
        <location filename="../../ui/main_window.py" line="225"/>
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
        <location filename="../../ui/organizations/page.py" line="150"/>
        <source>%Ln organization(s)</source>
        <translation>
            <numerusform>%Ln organization</numerusform><numerusform>%Ln organizations</numerusform></translation>
    </message>
</context>
<context>
    <name>OutcomesPanel</name>
    <message numerus="yes">
        <location filename="../../ui/referrals/outcomes.py" line="83"/>
        <source>%Ln ambassador(s)</source>
        <translation>
            <numerusform>%Ln ambassador</numerusform><numerusform>%Ln ambassadors</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/referrals/outcomes.py" line="83"/>
        <source>%Ln referral(s)</source>
        <translation>
            <numerusform>%Ln referral</numerusform><numerusform>%Ln referrals</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/referrals/outcomes.py" line="84"/>
        <source>%Ln signed</source>
        <translation>
            <numerusform>%Ln signed</numerusform><numerusform>%Ln signed</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/referrals/outcomes.py" line="84"/>
        <source>%Ln landed</source>
        <translation>
            <numerusform>%Ln landed</numerusform><numerusform>%Ln landed</numerusform></translation>
    </message>
</context>
<context>
    <name>ReferralsPage</name>
    <message numerus="yes">
        <location filename="../../ui/referrals/page.py" line="138"/>
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
    <name>VisitsPage</name>
    <message numerus="yes">
        <location filename="../../ui/visits/page.py" line="195"/>
        <source>%Ln visit(s)</source>
        <translation>
            <numerusform>%Ln visit</numerusform><numerusform>%Ln visits</numerusform></translation>
    </message>
</context>
</TS>
