<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../spoenk_publisher/gui/main_window.py" line="20" />
        <source>Spoenk Publisher</source>
        <translation>Spoenk Publisher</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/main_window.py" line="40" />
        <source>&amp;Open folder…</source>
        <translation>Map &amp;openen…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/main_window.py" line="43" />
        <source>Main</source>
        <translation>Hoofdbalk</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/main_window.py" line="48" />
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/main_window.py" line="52" />
        <source>Register: %1</source>
        <translation>Register: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/main_window.py" line="65" />
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n foto</numerusform>
            <numerusform>%n foto's</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/main_window.py" line="67" />
        <source>Spoenk Publisher — %1</source>
        <translation>Spoenk Publisher — %1</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/main_window.py" line="71" />
        <source>Open an event folder</source>
        <translation>Open de map van een evenement</translation>
    </message>
</context>
</TS>