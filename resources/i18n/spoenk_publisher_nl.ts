<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>Channels</name>
    <message>
        <location filename="../../spoenk_publisher/gui/register/texts.py" line="20"/>
        <source>Newsletter</source>
        <extracomment>Words shared by the register screens are translated in the context &quot;RegisterTexts&quot;; lupdate finds ``translate(&quot;Context&quot;, &quot;text&quot;)`` calls (not an alias with another name).</extracomment>
        <translation>Nieuwsbrief</translation>
    </message>
</context>
<context>
    <name>ConsentActions</name>
    <message>
        <location filename="../../spoenk_publisher/gui/register/consent.py" line="73"/>
        <source>The consent was not changed. %1</source>
        <translation>De toestemming is niet gewijzigd. %1</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/consent.py" line="77"/>
        <source>%1: consent of %2 granted until %3.</source>
        <translation>%1: toestemming van %2 gegeven t/m %3.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/consent.py" line="79"/>
        <source>%1: consent of %2 refused; the app blurs them there.</source>
        <translation>%1: toestemming van %2 geweigerd; de app vervaagt hem of haar daar.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/consent.py" line="81"/>
        <source>%1: consent of %2 withdrawn; the app blurs them there from today.</source>
        <translation>%1: toestemming van %2 ingetrokken; de app vervaagt hem of haar daar vanaf vandaag.</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="96"/>
        <source>Consent for %1</source>
        <translation>Toestemming voor %1</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="100"/>
        <source>%1 (number %2) on %3</source>
        <translation>%1 (nummer %2) op %3</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="103"/>
        <source>Now: %1</source>
        <translation>Nu: %1</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="106"/>
        <source>Grant consent until</source>
        <translation>Toestemming geven tot en met</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="114"/>
        <source>The last day of the consent; a school year ends on 31 July.</source>
        <translation>De laatste dag van de toestemming; een schooljaar eindigt op 31 juli.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="116"/>
        <source>Refuse consent</source>
        <translation>Toestemming weigeren</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="117"/>
        <source>Withdraw consent</source>
        <translation>Toestemming intrekken</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="121"/>
        <source>There is no consent in force to withdraw.</source>
        <translation>Er is geen geldige toestemming om in te trekken.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="131"/>
        <source>Recorded from a signed consent form</source>
        <translation>Vastgelegd van een ondertekend toestemmingsformulier</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="133"/>
        <source>Note (optional), e.g. &quot;email from parent&quot;</source>
        <translation>Notitie (optioneel), bijv. &quot;e-mail van ouder&quot;</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="144"/>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="147"/>
        <source>Choose grant, refuse or withdraw first.</source>
        <translation>Kies eerst: toestemming geven, weigeren of intrekken.</translation>
    </message>
</context>
<context>
    <name>CsvImportActions</name>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_import.py" line="36"/>
        <source>Imported: %1 people added, %2 changed, %3 consent records.</source>
        <translation>Geïmporteerd: %1 personen toegevoegd, %2 gewijzigd, %3 toestemmingen vastgelegd.</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="92"/>
        <source>File: %1</source>
        <translation>Bestand: %1</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="94"/>
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="197"/>
        <source>Checking the file…</source>
        <translation>Het bestand wordt gecontroleerd…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="136"/>
        <source>Line</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="136"/>
        <source>Column</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="136"/>
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="145"/>
        <source>Coloured cells change; empty cells stay as they are. Grey rows change nothing.</source>
        <translation>Gekleurde cellen veranderen; lege cellen blijven zoals ze zijn. Grijze regels veranderen niets.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="162"/>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="200"/>
        <source>Checking %1</source>
        <translation>%1 controleren</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="224"/>
        <source>This file can be imported. Nothing changes until you click Import.</source>
        <translation>Dit bestand kan worden geïmporteerd. Er verandert niets tot u op Importeren klikt.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="226"/>
        <source>This file can be imported, but it would change nothing.</source>
        <translation>Dit bestand kan worden geïmporteerd, maar het zou niets veranderen.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="88"/>
        <source>Import a list</source>
        <extracomment>Fields a column can be chosen as, in the order the drop-down lists them. the summary of a finished import the user&apos;s choices so far, by column label (what --map would say) the drop-down of each column (and question), by its label</extracomment>
        <translation>Lijst importeren</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="104"/>
        <source>How the columns are read. Change a column&apos;s meaning in its drop-down; the choice is remembered for files with the same columns.</source>
        <translation>Zo worden de kolommen gelezen. Wijzig de betekenis van een kolom in de keuzelijst; de keuze wordt onthouden voor bestanden met dezelfde kolommen.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="113"/>
        <source>Column in the file</source>
        <translation>Kolom in het bestand</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="113"/>
        <source>Means</source>
        <translation>Betekent</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="113"/>
        <source>What the import does</source>
        <translation>Wat de import ermee doet</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="132"/>
        <source>Changes</source>
        <translation>Wijzigingen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="133"/>
        <source>Counted as no</source>
        <translation>Geteld als nee</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="231"/>
        <source>%1 rows · new people: %2 · people changed: %3 · consent changes: %4 · answers counted as no: %5</source>
        <translation>%1 regels · nieuwe mensen: %2 · mensen gewijzigd: %3 · toestemmingswijzigingen: %4 · antwoorden geteld als nee: %5</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="263"/>
        <source>A question in the file&apos;s question column</source>
        <translation>Een vraag uit de vraagkolom van het bestand</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="280"/>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="281"/>
        <source>Ignore</source>
        <translation>Negeren</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="284"/>
        <source>Social media (every social channel)</source>
        <translation>Social media (elk socialemediakanaal)</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="285"/>
        <source>Public (every public channel)</source>
        <translation>Openbaar (elk openbaar kanaal)</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="337"/>
        <source>The file cannot be imported.</source>
        <translation>Het bestand kan niet worden geïmporteerd.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="347"/>
        <source>Choose what the red column(s) mean in their drop-down, and correct the other %n problem(s) in the file (for example in Excel): nothing is imported until all are solved.</source>
        <translation>
            <numerusform>Kies in de keuzelijst wat de rode kolom(men) betekenen, en verbeter het andere probleem in het bestand (bijvoorbeeld in Excel): er wordt niets geïmporteerd tot alles is opgelost.</numerusform>
            <numerusform>Kies in de keuzelijst wat de rode kolom(men) betekenen, en verbeter de %n andere problemen in het bestand (bijvoorbeeld in Excel): er wordt niets geïmporteerd tot alles is opgelost.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="355"/>
        <source>Choose what the red column(s) mean in their drop-down: nothing is imported until every column is clear.</source>
        <translation>Kies in de keuzelijst wat de rode kolom(men) betekenen: er wordt niets geïmporteerd tot elke kolom duidelijk is.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="360"/>
        <source>This file has %n problem(s). Nothing will be imported: correct the file (for example in Excel), save it and import it again.</source>
        <translation>
            <numerusform>Dit bestand heeft %n probleem. Er wordt niets geïmporteerd: verbeter het bestand (bijvoorbeeld in Excel), sla het op en importeer het opnieuw.</numerusform>
            <numerusform>Dit bestand heeft %n problemen. Er wordt niets geïmporteerd: verbeter het bestand (bijvoorbeeld in Excel), sla het op en importeer het opnieuw.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="366"/>
        <source>The line numbers are those of the file.</source>
        <translation>De regelnummers zijn die van het bestand.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="392"/>
        <source>Importing…</source>
        <translation>Bezig met importeren…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="395"/>
        <source>Importing %1</source>
        <translation>%1 importeren</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_import_dialog.py" line="416"/>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>Het importeren is gestopt; er is niets geïmporteerd.</translation>
    </message>
</context>
<context>
    <name>DemoActions</name>
    <message>
        <location filename="../../spoenk_publisher/gui/event/demo.py" line="71"/>
        <source>Preparing the demo…</source>
        <extracomment>The user&apos;s own register while the demo is open (None: the demo is not open).</extracomment>
        <translation>De demo wordt klaargezet…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/demo.py" line="87"/>
        <source>Preparing the demo: %1 of %2</source>
        <translation>De demo wordt klaargezet: %1 van %2</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/demo.py" line="114"/>
        <source>The demo is open: the demo register and the demo event.</source>
        <translation>De demo is geopend: het demoregister en het demo-evenement.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/demo.py" line="121"/>
        <source>The demo could not be prepared</source>
        <translation>De demo kon niet worden klaargezet</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/demo.py" line="137"/>
        <source>The demo is closed: your own register is in use.</source>
        <translation>De demo is gesloten: je eigen register is weer in gebruik.</translation>
    </message>
</context>
<context>
    <name>EnrolmentActions</name>
    <message>
        <location filename="../../spoenk_publisher/gui/register/enrolment.py" line="51"/>
        <source>%1 is not a photo the app can read (JPEG, PNG, HEIC, …).</source>
        <translation>%1 is geen foto die de app kan lezen (JPEG, PNG, HEIC, …).</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/enrolment.py" line="57"/>
        <source>Skipped, not photos: %1</source>
        <translation>Overgeslagen, geen foto&apos;s: %1</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/enrolment.py" line="60"/>
        <source>Looking for the face of %1</source>
        <translation>Gezicht van %1 zoeken</translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/register/enrolment.py" line="78"/>
        <source>%n reference face(s) added for %1.</source>
        <translation>
            <numerusform>%n referentiegezicht toegevoegd voor %1.</numerusform>
            <numerusform>%n referentiegezichten toegevoegd voor %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/register/enrolment.py" line="85"/>
        <source>%n photo(s) were already reference photos of this person.</source>
        <translation>
            <numerusform>%n foto was al een referentiefoto van deze persoon.</numerusform>
            <numerusform>%n foto&apos;s waren al referentiefoto&apos;s van deze persoon.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/enrolment.py" line="92"/>
        <source>No reference face was added for %1.</source>
        <translation>Er is geen referentiegezicht toegevoegd voor %1.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/enrolment.py" line="93"/>
        <source>Not usable:</source>
        <translation>Niet bruikbaar:</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/enrolment.py" line="104"/>
        <source>No reference face was added for %1: %2</source>
        <translation>Er is geen referentiegezicht toegevoegd voor %1: %2</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/enrolment.py" line="114"/>
        <source>Adding reference photos of %1 was stopped; nothing was stored.</source>
        <translation>Het toevoegen van referentiefoto&apos;s van %1 is gestopt; er is niets opgeslagen.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../spoenk_publisher/gui/common/errors.py" line="45"/>
        <source>No permission to use %1.</source>
        <translation>Geen toestemming om %1 te gebruiken.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/common/errors.py" line="50"/>
        <source>The disk reported a problem: %1</source>
        <translation>De schijf meldt een probleem: %1</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/common/errors.py" line="54"/>
        <source>Something went wrong (%1). The details are in the log.</source>
        <translation>Er ging iets mis (%1). De details staan in het logboek.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/common/errors.py" line="96"/>
        <source>Something went wrong</source>
        <translation>Er ging iets mis</translation>
    </message>
</context>
<context>
    <name>EventOpening</name>
    <message>
        <location filename="../../spoenk_publisher/gui/event/opening.py" line="23"/>
        <source>Open an event folder</source>
        <translation>Open de map van een evenement</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/opening.py" line="30"/>
        <source>Open photos</source>
        <translation>Foto&apos;s openen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/opening.py" line="32"/>
        <location filename="../../spoenk_publisher/gui/event/opening.py" line="42"/>
        <source>Photos (%1)</source>
        <translation>Foto&apos;s (%1)</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/opening.py" line="40"/>
        <source>Quick check a photo</source>
        <translation>Snelle controle van een foto</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/opening.py" line="54"/>
        <source>Not found</source>
        <translation>Niet gevonden</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/opening.py" line="55"/>
        <source>This file or folder does not exist: %1</source>
        <translation>Dit bestand of deze map bestaat niet: %1</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/opening.py" line="64"/>
        <source>Not a photo</source>
        <translation>Geen foto</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/opening.py" line="65"/>
        <source>%1 is not a photo the app can open.</source>
        <translation>%1 is geen foto die de app kan openen.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/opening.py" line="74"/>
        <source>The folder cannot be read</source>
        <translation>De map kan niet gelezen worden</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/opening.py" line="98"/>
        <source>No photos in %1</source>
        <translation>Geen foto&apos;s in %1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="83"/>
        <source>Export photos</source>
        <translation>Foto&apos;s exporteren</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="122"/>
        <source>Review first</source>
        <translation>Eerst controleren</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="125"/>
        <source>Close this window and show the photos nobody has reviewed yet</source>
        <translation>Dit venster sluiten en de foto&apos;s tonen die nog niemand heeft gecontroleerd</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="131"/>
        <source>Photos are exported without any metadata.</source>
        <translation>Foto&apos;s worden geëxporteerd zonder metagegevens (geen datum, plaats of camera).</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="142"/>
        <source>e.g. Sportdag groep 7</source>
        <translation>bijv. Sportdag groep 7</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="151"/>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="157"/>
        <source>Blur faces without consent</source>
        <translation>Gezichten zonder toestemming vervagen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="159"/>
        <source>Leave out every photo with a face without consent</source>
        <translation>Foto&apos;s met een gezicht zonder toestemming weglaten</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="174"/>
        <source>Pixelated</source>
        <translation>Gepixeld</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="175"/>
        <source>Blurred</source>
        <translation>Vervaagd</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="176"/>
        <source>Grey patch</source>
        <translation>Grijs vlak</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="186"/>
        <source>Channel:</source>
        <translation>Kanaal:</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="187"/>
        <source>Event name:</source>
        <translation>Naam van het evenement:</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="189"/>
        <source>Save in folder:</source>
        <translation>Opslaan in map:</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="190"/>
        <source>Faces without consent:</source>
        <translation>Gezichten zonder toestemming:</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="191"/>
        <source>Cover faces with:</source>
        <translation>Gezichten bedekken met:</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="192"/>
        <source>Size:</source>
        <translation>Formaat:</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="196"/>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="266"/>
        <source>Export the %n photo(s) nobody has reviewed too</source>
        <translation>
            <numerusform>Ook de niet gecontroleerde foto exporteren</numerusform>
            <numerusform>Ook de %n niet gecontroleerde foto&apos;s exporteren</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="274"/>
        <source>Standard for this channel (%1)</source>
        <translation>Standaard voor dit kanaal (%1)</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="289"/>
        <source>original size, %1</source>
        <translation>oorspronkelijk formaat, %1</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="291"/>
        <source>%1 pixels on the long side, %2</source>
        <translation>%1 pixels aan de lange kant, %2</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="311"/>
        <source>Files are named %1-001.jpg, %1-002.jpg, …</source>
        <translation>De bestanden heten %1-001.jpg, %1-002.jpg, …</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="321"/>
        <source>export</source>
        <translation>export</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="327"/>
        <source>Save the photos in</source>
        <translation>Sla de foto&apos;s op in</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="351"/>
        <source>Preparing…</source>
        <translation>Voorbereiden…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="353"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="370"/>
        <source>Choose a channel first.</source>
        <translation>Kies eerst een kanaal.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="373"/>
        <source>Choose the folder to save the photos in.</source>
        <translation>Kies de map waarin de foto&apos;s komen.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="378"/>
        <source>%1 is a file, not a folder.</source>
        <translation>%1 is een bestand, geen map.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="384"/>
        <source>There is no photo to export.</source>
        <translation>Er is geen foto om te exporteren.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="390"/>
        <source>Exporting</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="415"/>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 van %3</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="425"/>
        <source>Stopping after the current photo…</source>
        <translation>Stoppen na de huidige foto…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="440"/>
        <source>Open the folder</source>
        <translation>Map openen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="442"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_dialog.py" line="468"/>
        <source>The export could not be done.</source>
        <translation>Het exporteren is niet gelukt.</translation>
    </message>
</context>
<context>
    <name>ExportTexts</name>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_texts.py" line="37"/>
        <source>One photo.</source>
        <extracomment>Names listed per group before &quot;… and N more&quot;: the dialog stays readable for 1,000 photos.</extracomment>
        <translation>Eén foto.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/export_texts.py" line="39"/>
        <source>%n photo(s) in this event.</source>
        <translation>
            <numerusform>%n foto in dit evenement.</numerusform>
            <numerusform>%n foto&apos;s in dit evenement.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/export_texts.py" line="42"/>
        <source>%n reviewed.</source>
        <translation>
            <numerusform>%n gecontroleerd.</numerusform>
            <numerusform>%n gecontroleerd.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/export_texts.py" line="45"/>
        <source>%n not reviewed yet: nobody has looked at them.</source>
        <translation>
            <numerusform>%n nog niet gecontroleerd: niemand heeft hem bekeken.</numerusform>
            <numerusform>%n nog niet gecontroleerd: niemand heeft ze bekeken.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/export_texts.py" line="49"/>
        <source>%n of them not analysed yet either.</source>
        <translation>
            <numerusform>Daarvan is er %n ook nog niet geanalyseerd.</numerusform>
            <numerusform>Daarvan zijn er %n ook nog niet geanalyseerd.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_texts.py" line="52"/>
        <source>They are exported as well (your choice below).</source>
        <translation>Ze worden toch geëxporteerd (uw keuze hieronder).</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_texts.py" line="55"/>
        <source>They are not exported, unless you choose so below; or review them first.</source>
        <translation>Ze worden niet geëxporteerd, tenzij u dat hieronder kiest; of controleer ze eerst.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/export_texts.py" line="59"/>
        <source>%n cannot be read and will be left out:</source>
        <translation>
            <numerusform>%n kan niet worden gelezen en wordt weggelaten:</numerusform>
            <numerusform>%n kunnen niet worden gelezen en worden weggelaten:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/export_texts.py" line="63"/>
        <source>%n will be left out because someone in them has no consent (your choice under &apos;Faces without consent&apos;).</source>
        <translation>
            <numerusform>%n wordt weggelaten omdat iemand erop geen toestemming heeft (uw keuze bij &apos;Gezichten zonder toestemming&apos;).</numerusform>
            <numerusform>%n worden weggelaten omdat iemand erop geen toestemming heeft (uw keuze bij &apos;Gezichten zonder toestemming&apos;).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/export_texts.py" line="70"/>
        <source>%n will have faces blurred.</source>
        <translation>
            <numerusform>Op %n foto worden gezichten vervaagd.</numerusform>
            <numerusform>Op %n foto&apos;s worden gezichten vervaagd.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/export_texts.py" line="75"/>
        <source>%n are the same picture as another photo: written once.</source>
        <translation>
            <numerusform>%n is dezelfde foto als een andere: die wordt één keer opgeslagen.</numerusform>
            <numerusform>%n zijn dezelfde foto als een andere: die worden één keer opgeslagen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_texts.py" line="83"/>
        <source>Nothing will be exported.</source>
        <translation>Er wordt niets geëxporteerd.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/export_texts.py" line="85"/>
        <source>%n photo(s) will be exported.</source>
        <translation>
            <numerusform>%n foto wordt geëxporteerd.</numerusform>
            <numerusform>%n foto&apos;s worden geëxporteerd.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/export_texts.py" line="89"/>
        <source>At most %n photo(s) will be exported: %1 of them are analysed first.</source>
        <translation>
            <numerusform>Hoogstens %n foto wordt geëxporteerd: %1 daarvan wordt eerst geanalyseerd.</numerusform>
            <numerusform>Hoogstens %n foto&apos;s worden geëxporteerd: %1 daarvan worden eerst geanalyseerd.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/export_texts.py" line="116"/>
        <source>%n photo(s) exported to %1.</source>
        <translation>
            <numerusform>%n foto geëxporteerd naar %1.</numerusform>
            <numerusform>%n foto&apos;s geëxporteerd naar %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/export_texts.py" line="118"/>
        <source>%n photo(s) exported.</source>
        <translation>
            <numerusform>%n foto geëxporteerd.</numerusform>
            <numerusform>%n foto&apos;s geëxporteerd.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_texts.py" line="120"/>
        <source>No photo was exported.</source>
        <translation>Er is geen foto geëxporteerd.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/export_texts.py" line="127"/>
        <source>%n of them were already there from an earlier export and were not written again.</source>
        <translation>
            <numerusform>%n daarvan stond er al van een eerdere export en is niet opnieuw geschreven.</numerusform>
            <numerusform>%n daarvan stonden er al van een eerdere export en zijn niet opnieuw geschreven.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/export_texts.py" line="136"/>
        <source>%n face(s) blurred.</source>
        <translation>
            <numerusform>%n gezicht vervaagd.</numerusform>
            <numerusform>%n gezichten vervaagd.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/export_texts.py" line="142"/>
        <source>%n file(s) with several frames (an animation): only the first frame was checked and exported.</source>
        <translation>
            <numerusform>%n bestand met meerdere beelden (een animatie): alleen het eerste beeld is gecontroleerd en geëxporteerd.</numerusform>
            <numerusform>%n bestanden met meerdere beelden (een animatie): alleen het eerste beeld is gecontroleerd en geëxporteerd.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_texts.py" line="153"/>
        <source>Do not upload %1.</source>
        <translation>Upload %1 niet.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_texts.py" line="156"/>
        <source>It lists which photo comes from which original and who is in it: it holds names. Keep it with the photos in the folder, and upload only the photos.</source>
        <translation>Dit bestand zegt welke foto van welk origineel komt en wie erop staat: er staan namen in. Laat het bij de foto&apos;s in de map staan en upload alleen de foto&apos;s.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_texts.py" line="171"/>
        <source>Nobody is recognisable in this set: every face is blurred.</source>
        <translation>Niemand is herkenbaar in deze foto&apos;s: elk gezicht is vervaagd.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/export_texts.py" line="174"/>
        <source>%1 (%n photo(s))</source>
        <translation>
            <numerusform>%1 (%n foto)</numerusform>
            <numerusform>%1 (%n foto&apos;s)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/export_texts.py" line="179"/>
        <source>Recognisable in this set: %1.</source>
        <translation>Herkenbaar in deze foto&apos;s: %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/export_texts.py" line="189"/>
        <source>%n photo(s) not exported because nobody has reviewed them yet:</source>
        <translation>
            <numerusform>%n foto niet geëxporteerd omdat nog niemand hem heeft gecontroleerd:</numerusform>
            <numerusform>%n foto&apos;s niet geëxporteerd omdat nog niemand ze heeft gecontroleerd:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/export_texts.py" line="201"/>
        <source>%n photo(s) left out because someone in them has no consent:</source>
        <translation>
            <numerusform>%n foto weggelaten omdat iemand erop geen toestemming heeft:</numerusform>
            <numerusform>%n foto&apos;s weggelaten omdat iemand erop geen toestemming heeft:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/export_texts.py" line="217"/>
        <source>%n photo(s) could not be exported:</source>
        <translation>
            <numerusform>%n foto kon niet worden geëxporteerd:</numerusform>
            <numerusform>%n foto&apos;s konden niet worden geëxporteerd:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/export_texts.py" line="225"/>
        <source>%n photo(s) skipped:</source>
        <translation>
            <numerusform>%n foto overgeslagen:</numerusform>
            <numerusform>%n foto&apos;s overgeslagen:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/export_texts.py" line="242"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… en nog %n</numerusform>
            <numerusform>… en nog %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileChooser</name>
    <message>
        <location filename="../../spoenk_publisher/gui/register/widgets.py" line="40"/>
        <source>Import a list</source>
        <translation>Lijst importeren</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/widgets.py" line="42"/>
        <source>Lists (*.csv *.txt *.xlsx)</source>
        <translation>Lijsten (*.csv *.txt *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/widgets.py" line="44"/>
        <location filename="../../spoenk_publisher/gui/register/widgets.py" line="56"/>
        <source>All files (*)</source>
        <translation>Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/widgets.py" line="52"/>
        <source>Choose photos of this person alone</source>
        <translation>Kies foto&apos;s waarop alleen deze persoon staat</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/widgets.py" line="54"/>
        <source>Photos (%1)</source>
        <translation>Foto&apos;s (%1)</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/widgets.py" line="62"/>
        <source>Choose the folder with the portrait photos</source>
        <translation>Kies de map met de portretfoto&apos;s</translation>
    </message>
</context>
<context>
    <name>ImportTables</name>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_tables.py" line="34"/>
        <location filename="../../spoenk_publisher/gui/register/csv_tables.py" line="66"/>
        <source>Line</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_tables.py" line="34"/>
        <location filename="../../spoenk_publisher/gui/register/csv_tables.py" line="66"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_tables.py" line="34"/>
        <location filename="../../spoenk_publisher/gui/register/csv_tables.py" line="66"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_tables.py" line="34"/>
        <source>Group</source>
        <translation>Groep</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_tables.py" line="35"/>
        <source>Person</source>
        <translation>Persoon</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_tables.py" line="58"/>
        <source>Nothing changes for this row.</source>
        <translation>Voor deze regel verandert er niets.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_tables.py" line="66"/>
        <source>Question</source>
        <translation>Vraag</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_tables.py" line="67"/>
        <source>In the file</source>
        <translation>In het bestand</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_tables.py" line="76"/>
        <source>(empty)</source>
        <translation>(leeg)</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_tables.py" line="81"/>
        <source>Counted as no (%1)</source>
        <translation>Geteld als nee (%1)</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_tables.py" line="85"/>
        <source>Answers left empty, &apos;onbekend&apos; or &apos;niet ingevuld&apos;: no consent (an unanswered question is never a yes).</source>
        <translation>Antwoorden die leeg zijn, &apos;onbekend&apos; of &apos;niet ingevuld&apos;: geen toestemming (een onbeantwoorde vraag is nooit een ja).</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_tables.py" line="103"/>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_tables.py" line="107"/>
        <source>name</source>
        <translation>naam</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_tables.py" line="108"/>
        <source>group</source>
        <translation>groep</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_tables.py" line="109"/>
        <source>role</source>
        <translation>rol</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_tables.py" line="110"/>
        <source>at school</source>
        <translation>op school</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_tables.py" line="111"/>
        <source>turns 16 in</source>
        <translation>wordt 16 in</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_tables.py" line="113"/>
        <source>Changed: %1</source>
        <translation>Gewijzigd: %1</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_tables.py" line="125"/>
        <source>Now: %1</source>
        <translation>Nu: %1</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/csv_tables.py" line="127"/>
        <source>Not answered in the file: no consent.</source>
        <translation>Niet beantwoord in het bestand: geen toestemming.</translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <location filename="../../spoenk_publisher/gui/register/widgets.py" line="114"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/widgets.py" line="132"/>
        <source>(%1 of %2)</source>
        <translation>(%1 van %2)</translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="38"/>
        <source>&amp;Open folder…</source>
        <extracomment>The Dutch user guide: ``docs/`` of the source checkout, copied into the bundle (``packaging/spoenk-publisher.spec``).</extracomment>
        <translation>Map &amp;openen…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="40"/>
        <source>Open the folder with an event&apos;s photos (Ctrl+O)</source>
        <translation>Open de map met de foto&apos;s van een evenement (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="42"/>
        <source>Open &amp;photos…</source>
        <translation>&amp;Foto&apos;s openen…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="45"/>
        <source>&amp;Quick check…</source>
        <translation>&amp;Snelle controle…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="49"/>
        <source>Check one photo for the chosen channel, without opening an event (Ctrl+K)</source>
        <translation>Controleer één foto voor het gekozen kanaal, zonder een evenement te openen (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="52"/>
        <source>&amp;Analyse</source>
        <translation>&amp;Analyseren</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="55"/>
        <source>Find every face and check it against the register (Ctrl+R)</source>
        <translation>Zoek alle gezichten en controleer ze met het register (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="58"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuleren</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="60"/>
        <source>Check &amp;again with the register</source>
        <translation>&amp;Opnieuw controleren met het register</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="63"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exporteren…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="65"/>
        <source>Save the photos for publishing (Ctrl+E)</source>
        <translation>Sla de foto&apos;s op om te publiceren (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="67"/>
        <source>&amp;Register…</source>
        <translation>&amp;Register…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="69"/>
        <source>People, consent and reference faces</source>
        <translation>Personen, toestemming en referentiegezichten</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="71"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Instellingen…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="74"/>
        <source>&amp;Guide</source>
        <translation>&amp;Handleiding</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="76"/>
        <source>Open the user guide (F1)</source>
        <translation>De handleiding openen (F1)</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="78"/>
        <source>Try the &amp;demo</source>
        <translation>&amp;Demo openen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="80"/>
        <source>Open the demo event with its own made-up register; yours is not touched</source>
        <translation>Het demo-evenement openen met een eigen, verzonnen register; jouw register blijft zoals het is</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="83"/>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="88"/>
        <source>Main</source>
        <translation>Hoofdbalk</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="96"/>
        <source>Channel:</source>
        <translation>Kanaal:</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="102"/>
        <source>Where the photos will be published</source>
        <translation>Waar de foto&apos;s geplaatst worden</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="113"/>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="116"/>
        <source>Recent &amp;folders</source>
        <translation>&amp;Recente mappen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="126"/>
        <source>&amp;Photos</source>
        <translation>&amp;Foto&apos;s</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="132"/>
        <source>Re&amp;view</source>
        <translation>&amp;Beoordelen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="142"/>
        <source>Re&amp;gister</source>
        <translation>Re&amp;gister</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="145"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="155"/>
        <source>The guide cannot be opened</source>
        <translation>De handleiding kan niet worden geopend</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="156"/>
        <source>The user guide was not found with the app (%1).</source>
        <translation>De handleiding is niet gevonden bij het programma (%1).</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="168"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="192"/>
        <source>demo</source>
        <translation>demo</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="193"/>
        <source>Register: %1</source>
        <translation>Register: %1</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="197"/>
        <source>Register unavailable: every face is blurred</source>
        <translation>Register niet beschikbaar: elk gezicht wordt vervaagd</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="203"/>
        <source>Spoenk Publisher</source>
        <translation>Spoenk Publisher</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="205"/>
        <source>Spoenk Publisher — %1</source>
        <translation>Spoenk Publisher — %1</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="207"/>
        <source>%1 — DEMO (made-up register)</source>
        <translation>%1 — DEMO (verzonnen register)</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="238"/>
        <source>(none yet)</source>
        <translation>(nog geen)</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="242"/>
        <source>Clear the list</source>
        <translation>Lijst wissen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="264"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n foto</numerusform>
            <numerusform>%n foto&apos;s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="267"/>
        <source>%n all clear</source>
        <translation>
            <numerusform>%n in orde</numerusform>
            <numerusform>%n in orde</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="268"/>
        <source>%n with faces blurred</source>
        <translation>
            <numerusform>%n met vervaagde gezichten</numerusform>
            <numerusform>%n met vervaagde gezichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="269"/>
        <source>%n left out</source>
        <translation>
            <numerusform>%n weggelaten</numerusform>
            <numerusform>%n weggelaten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="270"/>
        <source>%n with errors</source>
        <translation>
            <numerusform>%n met een fout</numerusform>
            <numerusform>%n met een fout</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/main_menus.py" line="271"/>
        <source>%n not checked yet</source>
        <translation>
            <numerusform>%n nog niet gecontroleerd</numerusform>
            <numerusform>%n nog niet gecontroleerd</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_window.py" line="76"/>
        <source>Spoenk Publisher</source>
        <translation>Spoenk Publisher</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_window.py" line="85"/>
        <source>Open the folder of an event (File ▸ Open folder…), or drop a folder or photos here.

Drop a single photo for a quick check.</source>
        <translation>Open de map van een evenement (Bestand ▸ Map openen…), of sleep een map of foto&apos;s hierheen.

Sleep één foto hierheen voor een snelle controle.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_window.py" line="201"/>
        <source>Analysing…</source>
        <translation>Analyseren…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_window.py" line="196"/>
        <source>Stopping…</source>
        <translation>Stoppen…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_window.py" line="213"/>
        <source>Analysing: %1 of %2</source>
        <translation>Analyseren: %1 van %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/main_window.py" line="219"/>
        <source>Analysis cancelled: %n photo(s) done.</source>
        <translation>
            <numerusform>Analyse geannuleerd: %n foto klaar.</numerusform>
            <numerusform>Analyse geannuleerd: %n foto&apos;s klaar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/main_window.py" line="221"/>
        <source>Analysis finished: %n photo(s) in %1 s.</source>
        <translation>
            <numerusform>Analyse klaar: %n foto in %1 s.</numerusform>
            <numerusform>Analyse klaar: %n foto&apos;s in %1 s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/main_window.py" line="224"/>
        <source>%n photo(s) could not be analysed.</source>
        <translation>
            <numerusform>%n foto kon niet geanalyseerd worden.</numerusform>
            <numerusform>%n foto&apos;s konden niet geanalyseerd worden.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_window.py" line="131"/>
        <source>The analysis stopped</source>
        <translation>De analyse is gestopt</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_window.py" line="135"/>
        <source>The photos could not be checked again</source>
        <translation>De foto&apos;s konden niet opnieuw gecontroleerd worden</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_window.py" line="273"/>
        <source>Looking for faces…</source>
        <translation>Gezichten zoeken…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_window.py" line="275"/>
        <source>Waiting for its turn in the analysis…</source>
        <translation>Wacht op zijn beurt in de analyse…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_window.py" line="306"/>
        <source>No channel to check for</source>
        <translation>Geen kanaal om voor te controleren</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_window.py" line="308"/>
        <source>The consent register is not available, so the app does not know the channels. Choose a register in Settings.</source>
        <translation>Het toestemmingsregister is niet beschikbaar, dus de app kent de kanalen niet. Kies een register bij Instellingen.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_window.py" line="416"/>
        <source>Saved. The new language is used when you start the app again.</source>
        <translation>Opgeslagen. De nieuwe taal wordt gebruikt zodra je het programma opnieuw start.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_window.py" line="440"/>
        <source>The register cannot be opened</source>
        <translation>Het register kan niet geopend worden</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_window.py" line="493"/>
        <source>Export still running</source>
        <translation>Export loopt nog</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_window.py" line="494"/>
        <source>The export is still running. Stop it and quit?</source>
        <translation>Export loopt nog. Stoppen en afsluiten?</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_window.py" line="501"/>
        <source>Photos that are finished stay saved; no half-written file is left.</source>
        <translation>Foto&apos;s die al klaar zijn, blijven bewaard; er blijft geen half bestand achter.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_window.py" line="504"/>
        <source>Photos that are finished stay saved in %1; no half-written file is left.</source>
        <translation>Foto&apos;s die al klaar zijn, blijven bewaard in %1; er blijft geen half bestand achter.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/main_window.py" line="526"/>
        <source>Stopping the export, then closing…</source>
        <translation>De export stopt, daarna sluit het programma…</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../spoenk_publisher/gui/register/widgets.py" line="86"/>
        <source>Hide this message</source>
        <translation>Dit bericht verbergen</translation>
    </message>
</context>
<context>
    <name>PeopleActions</name>
    <message>
        <location filename="../../spoenk_publisher/gui/register/people.py" line="42"/>
        <source>The register is not open.</source>
        <translation>Het register is niet geopend.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/people.py" line="67"/>
        <source>Remove %1 (number %2) from the register?

This deletes for good: %3, and %4 (the face data by which the app recognises them). The audit log keeps one line saying that number %2 was removed, without their name or face data.</source>
        <translation>%1 (nummer %2) uit het register verwijderen?

Dit verwijdert definitief: %3, en %4 (de gezichtsgegevens waaraan de app hem of haar herkent). Het auditlogboek bewaart één regel dat nummer %2 is verwijderd, zonder naam of gezichtsgegevens.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/register/people.py" line="73"/>
        <location filename="../../spoenk_publisher/gui/register/people.py" line="105"/>
        <source>%n consent record(s)</source>
        <translation>
            <numerusform>%n toestemmingsregistratie</numerusform>
            <numerusform>%n toestemmingsregistraties</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/register/people.py" line="74"/>
        <location filename="../../spoenk_publisher/gui/register/people.py" line="106"/>
        <source>%n reference face(s)</source>
        <translation>
            <numerusform>%n referentiegezicht</numerusform>
            <numerusform>%n referentiegezichten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/people.py" line="76"/>
        <source>Remove person</source>
        <translation>Persoon verwijderen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/people.py" line="77"/>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/people.py" line="91"/>
        <source>Removing %1</source>
        <translation>%1 verwijderen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/people.py" line="103"/>
        <source>%1 was removed, with %2 and %3.</source>
        <translation>%1 is verwijderd, met %2 en %3.</translation>
    </message>
</context>
<context>
    <name>PeopleFinding</name>
    <message>
        <location filename="../../spoenk_publisher/gui/register/finding.py" line="27"/>
        <source>All groups</source>
        <translation>Alle groepen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/finding.py" line="30"/>
        <source>No group (staff, others)</source>
        <translation>Geen groep (personeel, overig)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/register/finding.py" line="52"/>
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n persoon</numerusform>
            <numerusform>%n personen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/register/finding.py" line="54"/>
        <source>%1 of %n people shown</source>
        <translation>
            <numerusform>%1 van %n persoon getoond</numerusform>
            <numerusform>%1 van %n personen getoond</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="303"/>
        <source>Add a person</source>
        <translation>Persoon toevoegen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="303"/>
        <source>Edit person</source>
        <translation>Persoon bewerken</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="305"/>
        <source>Pupil or staff number</source>
        <translation>Leerling- of personeelsnummer</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="314"/>
        <source>Still at school</source>
        <translation>Nog op school</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="319"/>
        <source>The number identifies the person; it stays.</source>
        <translation>Het nummer bepaalt wie de persoon is; het blijft hetzelfde.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="330"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="331"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="332"/>
        <source>Group</source>
        <translation>Groep</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="333"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="337"/>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="359"/>
        <source>Fill in the pupil or staff number.</source>
        <translation>Vul het leerling- of personeelsnummer in.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="362"/>
        <source>Fill in the name.</source>
        <translation>Vul de naam in.</translation>
    </message>
</context>
<context>
    <name>PersonPanel</name>
    <message>
        <location filename="../../spoenk_publisher/gui/register/person_panel.py" line="40"/>
        <location filename="../../spoenk_publisher/gui/register/person_panel.py" line="123"/>
        <source>Choose a person to see their details.</source>
        <translation>Kies een persoon om de gegevens te zien.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/person_panel.py" line="58"/>
        <source>The app cannot recognise this person yet, so they are always blurred.</source>
        <translation>De app kan deze persoon nog niet herkennen en vervaagt hem of haar dus altijd.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/person_panel.py" line="69"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/person_panel.py" line="70"/>
        <source>Group</source>
        <translation>Groep</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/person_panel.py" line="71"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/person_panel.py" line="72"/>
        <source>At school</source>
        <translation>Op school</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/person_panel.py" line="73"/>
        <source>Reference faces</source>
        <translation>Referentiegezichten</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/person_panel.py" line="88"/>
        <source>Consent history (newest first)</source>
        <translation>Geschiedenis van de toestemming (nieuwste eerst)</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/person_panel.py" line="94"/>
        <source>Recorded</source>
        <translation>Vastgelegd</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/person_panel.py" line="94"/>
        <source>Channel</source>
        <translation>Kanaal</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/person_panel.py" line="94"/>
        <source>Decision</source>
        <translation>Besluit</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/person_panel.py" line="94"/>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/person_panel.py" line="106"/>
        <source>Tip: drop photos of this person on their row to add reference faces.</source>
        <translation>Tip: sleep foto&apos;s van deze persoon naar de bijbehorende regel om referentiegezichten toe te voegen.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/person_panel.py" line="136"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/person_panel.py" line="136"/>
        <source>No</source>
        <translation>Nee</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/person_panel.py" line="151"/>
        <source>From %1. Recorded %2 by %3 (source: %4).</source>
        <translation>Vanaf %1. Vastgelegd op %2 door %3 (bron: %4).</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/person_panel.py" line="158"/>
        <source>Note: %1</source>
        <translation>Notitie: %1</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/person_panel.py" line="166"/>
        <source>consent form</source>
        <translation>toestemmingsformulier</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/person_panel.py" line="167"/>
        <source>CSV file</source>
        <translation>CSV-bestand</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/person_panel.py" line="168"/>
        <source>entered in the app</source>
        <translation>ingevoerd in de app</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <location filename="../../spoenk_publisher/gui/event/person_picker.py" line="66"/>
        <source>Who is this?</source>
        <extracomment>The face&apos;s picture in the picker, in screen pixels (its longer side). Screen pixels between the face and the picker placed beside it.</extracomment>
        <translation>Wie is dit?</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/person_picker.py" line="85"/>
        <source>The people who look most like this face are at the top.</source>
        <translation>Bovenaan staan de mensen die het meest op dit gezicht lijken.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/person_picker.py" line="87"/>
        <source>Nobody in the register has a reference photo like this face yet.</source>
        <translation>Nog niemand in het register heeft een referentiefoto die op dit gezicht lijkt.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/person_picker.py" line="97"/>
        <source>Search by name, group or number</source>
        <translation>Zoek op naam, groep of nummer</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/person_picker.py" line="102"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/person_picker.py" line="102"/>
        <source>Group</source>
        <translation>Groep</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/person_picker.py" line="102"/>
        <source>On %1</source>
        <translation>Op %1</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/person_picker.py" line="109"/>
        <source>Number: %1</source>
        <translation>Nummer: %1</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/person_picker.py" line="112"/>
        <source>may be shown</source>
        <translation>mag zichtbaar zijn</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/person_picker.py" line="115"/>
        <source>no consent: stays blurred</source>
        <translation>geen toestemming: blijft vervaagd</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/person_picker.py" line="139"/>
        <source>A face is shown only when the register has consent for %1. Naming someone without consent keeps the face blurred.</source>
        <translation>Een gezicht is alleen zichtbaar als het register toestemming heeft voor %1. Wie zonder toestemming wordt aangewezen, blijft vervaagd.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/person_picker.py" line="145"/>
        <source>Nobody in the register matches.</source>
        <translation>Niemand in het register past hierbij.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/person_picker.py" line="150"/>
        <source>This is the person</source>
        <translation>Dit is de persoon</translation>
    </message>
</context>
<context>
    <name>PhotoDelegate</name>
    <message>
        <location filename="../../spoenk_publisher/gui/event/photo_delegate.py" line="124"/>
        <source>Exported</source>
        <translation>Geëxporteerd</translation>
    </message>
</context>
<context>
    <name>PhotoListModel</name>
    <message>
        <location filename="../../spoenk_publisher/gui/event/photo_model.py" line="132"/>
        <source>Reviewed</source>
        <translation>Gecontroleerd</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/photo_model.py" line="132"/>
        <source>Not reviewed yet</source>
        <translation>Nog niet gecontroleerd</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/photo_model.py" line="135"/>
        <source>Exported for %1</source>
        <translation>Geëxporteerd voor %1</translation>
    </message>
</context>
<context>
    <name>PortraitActions</name>
    <message>
        <location filename="../../spoenk_publisher/gui/register/portraits.py" line="42"/>
        <source>Reading the portraits in %1</source>
        <translation>Portretfoto&apos;s in %1 lezen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/portraits.py" line="64"/>
        <source>It was stopped.</source>
        <translation>Het is gestopt.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/portraits.py" line="65"/>
        <source>The portraits were not read. %1</source>
        <translation>De portretfoto&apos;s zijn niet gelezen. %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/register/portraits.py" line="79"/>
        <source>%n person(s) got a reference face.</source>
        <translation>
            <numerusform>%n persoon heeft een referentiegezicht gekregen.</numerusform>
            <numerusform>%n personen hebben een referentiegezicht gekregen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/portraits.py" line="81"/>
        <source>Stopped before the end; what was added is kept.</source>
        <translation>Gestopt voor het einde; wat al is toegevoegd, blijft bewaard.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/portraits.py" line="84"/>
        <source>Reference face added:</source>
        <translation>Referentiegezicht toegevoegd:</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/portraits.py" line="87"/>
        <source>Already a reference photo of this person:</source>
        <translation>Was al een referentiefoto van deze persoon:</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/portraits.py" line="90"/>
        <source>Not used, and why:</source>
        <translation>Niet gebruikt, en waarom:</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/portraits.py" line="96"/>
        <source>Not used, the file name fits more than one person:</source>
        <translation>Niet gebruikt, de bestandsnaam past bij meer dan één persoon:</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/portraits.py" line="102"/>
        <source>Not used, the file name fits nobody in the register:</source>
        <translation>Niet gebruikt, de bestandsnaam past bij niemand in het register:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/register/portraits.py" line="107"/>
        <source>Still without a reference face (%n):</source>
        <translation>
            <numerusform>Nog zonder referentiegezicht (%n):</numerusform>
            <numerusform>Nog zonder referentiegezicht (%n):</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/portraits.py" line="110"/>
        <source>Everyone in the register now has a reference face.</source>
        <translation>Iedereen in het register heeft nu een referentiegezicht.</translation>
    </message>
</context>
<context>
    <name>PortraitReportDialog</name>
    <message>
        <location filename="../../spoenk_publisher/gui/register/portraits.py" line="120"/>
        <source>Portrait photos</source>
        <translation>Portretfoto&apos;s</translation>
    </message>
</context>
<context>
    <name>PublishedPhotosDialog</name>
    <message>
        <location filename="../../spoenk_publisher/gui/register/published_photos.py" line="44"/>
        <source>Published photos of %1</source>
        <translation>Gepubliceerde foto&apos;s van %1</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/published_photos.py" line="55"/>
        <source>Consent withdrawn for %1. No photo showing %2 recognisably was published on these channels with Spoenk Publisher: nothing needs to be removed.</source>
        <translation>Toestemming ingetrokken voor %1. Er is met Spoenk Publisher op deze kanalen geen foto gepubliceerd waarop %2 herkenbaar is: er hoeft niets te worden verwijderd.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/published_photos.py" line="64"/>
        <source>Consent withdrawn for %1. These published photos show %2 recognisably: remove them from where they were published (%1), or ask whoever manages those channels to do so.</source>
        <translation>Toestemming ingetrokken voor %1. Op deze gepubliceerde foto&apos;s is %2 herkenbaar: verwijder ze waar ze gepubliceerd zijn (%1), of vraag de beheerder van die kanalen dat te doen.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/published_photos.py" line="73"/>
        <source>These photos were published with %1 recognisable:</source>
        <translation>Deze foto&apos;s zijn gepubliceerd met %1 herkenbaar in beeld:</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/published_photos.py" line="77"/>
        <source>No photo showing %1 recognisably was published with Spoenk Publisher.</source>
        <translation>Er is met Spoenk Publisher geen foto gepubliceerd waarop %1 herkenbaar is.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/published_photos.py" line="86"/>
        <source>Published</source>
        <translation>Gepubliceerd</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/published_photos.py" line="87"/>
        <source>Channel</source>
        <translation>Kanaal</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/published_photos.py" line="88"/>
        <source>Event</source>
        <translation>Activiteit</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/published_photos.py" line="89"/>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/published_photos.py" line="90"/>
        <source>Folder</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/published_photos.py" line="91"/>
        <source>By</source>
        <translation>Door</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/published_photos.py" line="118"/>
        <source>Copy list</source>
        <translation>Lijst kopiëren</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../spoenk_publisher/gui/common/qt_texts.py" line="12"/>
        <source>&amp;Look in:</source>
        <translation>&amp;Zoeken in:</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/common/qt_texts.py" line="13"/>
        <source>Files of &amp;type:</source>
        <translation>Bestands&amp;type:</translation>
    </message>
</context>
<context>
    <name>QuickCheckDialog</name>
    <message>
        <location filename="../../spoenk_publisher/gui/event/quick_check.py" line="69"/>
        <source>Quick check — %1</source>
        <extracomment>The answer&apos;s colours: green, amber, red (as the grid&apos;s badges), and grey while checking.</extracomment>
        <translation>Snelle controle — %1</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/quick_check.py" line="93"/>
        <source>Looking for faces… (a few seconds)</source>
        <translation>Gezichten zoeken… (een paar seconden)</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/quick_check.py" line="126"/>
        <source>Export this photo…</source>
        <translation>Deze foto exporteren…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/quick_check.py" line="129"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/quick_check.py" line="133"/>
        <source>Check for:</source>
        <translation>Controleren voor:</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/quick_check.py" line="216"/>
        <source>The photo cannot be checked, so nobody can say who is in it.</source>
        <translation>De foto kan niet worden gecontroleerd, dus niemand kan zeggen wie erop staat.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/quick_check.py" line="96"/>
        <location filename="../../spoenk_publisher/gui/event/quick_check.py" line="120"/>
        <location filename="../../spoenk_publisher/gui/event/quick_check.py" line="160"/>
        <source>Checking…</source>
        <translation>Controleren…</translation>
    </message>
</context>
<context>
    <name>RegisterBanner</name>
    <message>
        <location filename="../../spoenk_publisher/gui/event/register_banner.py" line="31"/>
        <source>Import CSV…</source>
        <translation>CSV importeren…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/register_banner.py" line="34"/>
        <source>Open the demo</source>
        <translation>Demo openen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/register_banner.py" line="37"/>
        <source>Back to my register</source>
        <translation>Terug naar mijn register</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/register_banner.py" line="52"/>
        <source>The register is still empty. Import the pupils and their consent from a CSV file, or try the app with the demo.</source>
        <translation>Het register is nog leeg. Importeer de leerlingen en hun toestemming uit een CSV-bestand, of probeer de app met de demo.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/register_banner.py" line="65"/>
        <source>You are using the demo register: its people and their consent are made up. Photos of your own school need your own register.</source>
        <translation>Je werkt met het demoregister: de mensen en hun toestemming zijn verzonnen. Voor foto&apos;s van je eigen school heb je je eigen register nodig.</translation>
    </message>
</context>
<context>
    <name>RegisterTexts</name>
    <message>
        <location filename="../../spoenk_publisher/gui/register/texts.py" line="58"/>
        <source>Pupil</source>
        <extracomment>Cell colours of the consent matrix (light, so that black text stays readable on them). A person without reference faces (always blurred, since the app cannot recognise them).</extracomment>
        <translation>Leerling</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/texts.py" line="59"/>
        <source>Staff</source>
        <translation>Medewerker</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/texts.py" line="60"/>
        <source>Other</source>
        <translation>Overig</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/texts.py" line="67"/>
        <location filename="../../spoenk_publisher/gui/register/texts.py" line="78"/>
        <source>Granted</source>
        <translation>Gegeven</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/texts.py" line="68"/>
        <location filename="../../spoenk_publisher/gui/register/texts.py" line="79"/>
        <source>Refused</source>
        <translation>Geweigerd</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/texts.py" line="69"/>
        <location filename="../../spoenk_publisher/gui/register/texts.py" line="80"/>
        <source>Withdrawn</source>
        <translation>Ingetrokken</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/texts.py" line="70"/>
        <source>Expired</source>
        <translation>Verlopen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/texts.py" line="71"/>
        <source>Not yet</source>
        <translation>Nog niet</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/texts.py" line="72"/>
        <source>No consent</source>
        <translation>Geen toestemming</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/texts.py" line="105"/>
        <source>%1: consent from %2 until %3.</source>
        <translation>%1: toestemming van %2 t/m %3.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/texts.py" line="109"/>
        <source>%1: consent expired after %2; shown blurred.</source>
        <translation>%1: toestemming verlopen na %2; wordt vervaagd.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/texts.py" line="113"/>
        <source>%1: consent refused (from %2); shown blurred.</source>
        <translation>%1: toestemming geweigerd (vanaf %2); wordt vervaagd.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/texts.py" line="119"/>
        <source>%1: consent withdrawn (from %2); shown blurred.</source>
        <translation>%1: toestemming ingetrokken (vanaf %2); wordt vervaagd.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/texts.py" line="125"/>
        <source>%1: consent starts on %2 (until %3); shown blurred until then.</source>
        <translation>%1: toestemming gaat in op %2 (tot en met %3); tot dan vervaagd.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/texts.py" line="132"/>
        <source>%1: no consent recorded; shown blurred.</source>
        <translation>%1: geen toestemming vastgelegd; wordt vervaagd.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/models.py" line="121"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/models.py" line="122"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/models.py" line="123"/>
        <source>Group</source>
        <translation>Groep</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/models.py" line="124"/>
        <source>Faces</source>
        <translation>Gezichten</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/models.py" line="129"/>
        <source>Consent to appear on %1. Click a cell to change it.</source>
        <translation>Toestemming om op %1 te verschijnen. Klik op een cel om die te wijzigen.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/models.py" line="135"/>
        <source>Reference faces: the photos by which the app recognises this person.</source>
        <translation>Referentiegezichten: de foto&apos;s waaraan de app deze persoon herkent.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/models.py" line="140"/>
        <source>Pupil or staff number</source>
        <translation>Leerling- of personeelsnummer</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/models.py" line="180"/>
        <source>No reference faces: the app cannot recognise this person, so they are always blurred. Drop photos of them on this row to add some.</source>
        <translation>Geen referentiegezichten: de app kan deze persoon niet herkennen en vervaagt hem of haar dus altijd. Sleep foto&apos;s van deze persoon naar deze regel om ze toe te voegen.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/models.py" line="186"/>
        <source>%n reference face(s)</source>
        <translation>%n referentiegezichten</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/models.py" line="188"/>
        <source>No longer at school</source>
        <translation>Niet meer op school</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/models.py" line="212"/>
        <source>Click to change.</source>
        <translation>Klik om te wijzigen.</translation>
    </message>
</context>
<context>
    <name>RegisterWindow</name>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="113"/>
        <source>Consent register</source>
        <extracomment>Windows opened without a parent are kept here until closed (else Python would collect them). the matrix shows the register (after opening, refreshing or importing) an enrolment job ended (its result is shown in the message bar)</extracomment>
        <translation>Toestemmingsregister</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="166"/>
        <source>Import CSV…</source>
        <extracomment>the dialog open now, if any (tests reach it here)</extracomment>
        <translation>CSV importeren…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="168"/>
        <source>Add or update people and consent from a CSV file (you see the changes first)</source>
        <translation>Personen en toestemmingen toevoegen of bijwerken uit een CSV-bestand (u ziet eerst de wijzigingen)</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="171"/>
        <source>Add person…</source>
        <translation>Persoon toevoegen…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="171"/>
        <source>Add one person to the register</source>
        <translation>Eén persoon aan het register toevoegen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="174"/>
        <source>Portrait photos…</source>
        <translation>Portretfoto&apos;s…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="177"/>
        <source>Reference faces for many people at once: a folder of portrait photos, each named by number or by name (1042.jpg, Sanne de Vries.jpg)</source>
        <translation>Referentiegezichten voor veel mensen tegelijk: een map met portretfoto&apos;s, elk genoemd naar leerlingnummer of naam (1042.jpg, Sanne de Vries.jpg)</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="182"/>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="184"/>
        <source>Read the register again (changes made elsewhere)</source>
        <translation>Het register opnieuw inlezen (wijzigingen die ergens anders zijn gemaakt)</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="188"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="191"/>
        <source>Add reference photos…</source>
        <translation>Referentiefoto&apos;s toevoegen…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="193"/>
        <source>Photos of this person alone, by which the app will recognise them</source>
        <translation>Foto&apos;s waarop alleen deze persoon staat, waaraan de app hem of haar herkent</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="196"/>
        <source>Withdraw consent…</source>
        <translation>Toestemming intrekken…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="198"/>
        <source>Stop showing this person on some or all channels</source>
        <translation>Deze persoon niet meer tonen op sommige of alle kanalen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="201"/>
        <source>Published photos…</source>
        <translation>Gepubliceerde foto&apos;s…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="203"/>
        <source>The photos published with this person recognisable</source>
        <translation>De gepubliceerde foto&apos;s waarop deze persoon herkenbaar is</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="206"/>
        <source>Edit…</source>
        <translation>Bewerken…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="206"/>
        <source>Change name, group, role</source>
        <translation>Naam, groep of rol wijzigen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="209"/>
        <source>Remove from register…</source>
        <translation>Uit het register verwijderen…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="211"/>
        <source>Delete this person, their consent records and their face data</source>
        <translation>Deze persoon verwijderen, met alle toestemmingen en gezichtsgegevens</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="222"/>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="238"/>
        <source>Search…</source>
        <translation>Zoeken…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="239"/>
        <source>Search by name or number</source>
        <translation>Zoeken op naam of nummer</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="249"/>
        <source>Without reference face</source>
        <translation>Zonder referentiegezicht</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="253"/>
        <source>Only the people the app cannot recognise yet: add a reference photo for each of them, with or without consent</source>
        <translation>Alleen wie de app nog niet kan herkennen: voeg voor ieder van hen een referentiefoto toe, met of zonder toestemming</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="261"/>
        <source>The matrix shows the consent in force on this day; changes start today.</source>
        <translation>Het overzicht toont de toestemming die op deze dag geldt; wijzigingen gaan vandaag in.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="265"/>
        <source>Group</source>
        <translation>Groep</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="298"/>
        <source>The register has nobody in it yet. Import the school&apos;s list as a CSV file, or add people one by one.</source>
        <translation>Er staat nog niemand in het register. Importeer de lijst van de school als CSV-bestand, of voeg personen een voor een toe.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="337"/>
        <source>&amp;Register</source>
        <translation>&amp;Register</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="344"/>
        <source>&amp;Person</source>
        <translation>&amp;Persoon</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="363"/>
        <source>Reading the register</source>
        <translation>Register inlezen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="379"/>
        <source>Consent on %1</source>
        <translation>Toestemming op %1</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="392"/>
        <source>The register could not be read. %1</source>
        <translation>Het register kon niet worden gelezen. %1</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/window.py" line="399"/>
        <source>Reading the register was stopped; the list may be incomplete. Choose Refresh to read it again.</source>
        <translation>Het inlezen van het register is gestopt; de lijst is misschien niet compleet. Kies Vernieuwen om het opnieuw in te lezen.</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../spoenk_publisher/gui/event/review_panel.py" line="112"/>
        <source>Click a face to say who it is, mark it as not a face or blur it. Tab selects the next face, Enter asks who it is; Ctrl+wheel or + and - zoom.</source>
        <translation>Klik op een gezicht om te zeggen wie het is, dat het geen gezicht is of om het te vervagen. Tab kiest het volgende gezicht, Enter vraagt wie het is; Ctrl+muiswiel of + en - zoomen in en uit.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/review_panel.py" line="155"/>
        <source>Who is this?…</source>
        <translation>Wie is dit?…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/review_panel.py" line="158"/>
        <source>Choose the person from the register</source>
        <translation>Kies de persoon uit het register</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/review_panel.py" line="161"/>
        <location filename="../../spoenk_publisher/gui/event/review_panel.py" line="248"/>
        <source>Not a face</source>
        <translation>Geen gezicht</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/review_panel.py" line="164"/>
        <source>Yes, it is a face</source>
        <translation>Wel een gezicht</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/review_panel.py" line="167"/>
        <source>A possible face that is a face: it stays blurred unless you say who it is</source>
        <translation>Een mogelijk gezicht dat echt een gezicht is: het blijft vervaagd, tenzij u zegt wie het is</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/review_panel.py" line="169"/>
        <source>Always blur</source>
        <translation>Altijd vervagen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/review_panel.py" line="171"/>
        <source>Use as reference photo</source>
        <translation>Gebruik als referentiefoto</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/review_panel.py" line="174"/>
        <source>Keep this face as a reference photo of the person you named</source>
        <translation>Bewaar dit gezicht als referentiefoto van de persoon die u hebt gekozen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/review_panel.py" line="176"/>
        <source>Undo my decision</source>
        <translation>Mijn keuze ongedaan maken</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/review_panel.py" line="178"/>
        <source>Add a missed face</source>
        <translation>Gemist gezicht toevoegen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/review_panel.py" line="181"/>
        <source>Draw a box around a face the app did not find</source>
        <translation>Teken een kader om een gezicht dat de app niet vond</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/review_panel.py" line="185"/>
        <source>Preview export</source>
        <translation>Voorbeeld export</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/review_panel.py" line="188"/>
        <source>Show the photo as it will be published</source>
        <translation>Toon de foto zoals hij geplaatst wordt</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/review_panel.py" line="192"/>
        <source>◀ Previous</source>
        <translation>◀ Vorige</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/review_panel.py" line="195"/>
        <source>Previous photo</source>
        <translation>Vorige foto</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/review_panel.py" line="198"/>
        <source>Next ▶</source>
        <translation>Volgende ▶</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/review_panel.py" line="201"/>
        <source>Next photo</source>
        <translation>Volgende foto</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/review_panel.py" line="204"/>
        <source>Zoom in</source>
        <translation>Inzoomen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/review_panel.py" line="209"/>
        <source>Zoom out</source>
        <translation>Uitzoomen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/review_panel.py" line="214"/>
        <source>Fit</source>
        <translation>Passend</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/review_panel.py" line="214"/>
        <source>Show the whole photo</source>
        <translation>De hele foto tonen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/review_panel.py" line="248"/>
        <source>Remove this face</source>
        <extracomment>In a face&apos;s menu only when they apply to that face.</extracomment>
        <translation>Dit gezicht verwijderen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/review_panel.py" line="279"/>
        <source>No photo selected</source>
        <translation>Geen foto gekozen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/review_panel.py" line="280"/>
        <source>Choose a photo on the left to see its faces.</source>
        <translation>Kies links een foto om de gezichten te zien.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/review_panel.py" line="281"/>
        <source>Open an event folder, or drop photos on this window.</source>
        <translation>Open de map van een evenement, of sleep foto&apos;s naar dit venster.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/review_panel.py" line="306"/>
        <source>Loading the photo…</source>
        <translation>Foto laden…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/review_panel.py" line="314"/>
        <source>Not checked yet: press Analyse.</source>
        <translation>Nog niet gecontroleerd: klik op Analyseren.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/review_panel.py" line="537"/>
        <source>The decision was not saved</source>
        <translation>De keuze is niet opgeslagen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/review_panel.py" line="538"/>
        <source>The consent register could not store this decision.</source>
        <translation>Het toestemmingsregister kon deze keuze niet opslaan.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../spoenk_publisher/gui/common/settings_dialog.py" line="40"/>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/common/settings_dialog.py" line="46"/>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/common/settings_dialog.py" line="54"/>
        <source>Pixelated</source>
        <translation>Gepixeld</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/common/settings_dialog.py" line="55"/>
        <source>Blurred</source>
        <translation>Vervaagd</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/common/settings_dialog.py" line="56"/>
        <source>Grey patch</source>
        <translation>Grijs vlak</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/common/settings_dialog.py" line="63"/>
        <source>Blur them</source>
        <translation>Vervagen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/common/settings_dialog.py" line="64"/>
        <source>Leave the photo out</source>
        <translation>De foto weglaten</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/common/settings_dialog.py" line="68"/>
        <source>Same as the computer</source>
        <translation>Zoals de computer</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/common/settings_dialog.py" line="74"/>
        <source>The new language is used when you start the app again.</source>
        <translation>De nieuwe taal wordt gebruikt zodra je het programma opnieuw start.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/common/settings_dialog.py" line="86"/>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/common/settings_dialog.py" line="91"/>
        <source> days</source>
        <translation> dagen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/common/settings_dialog.py" line="92"/>
        <source>until emptied by hand</source>
        <translation>tot ik ze zelf wis</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/common/settings_dialog.py" line="96"/>
        <source>Face data and thumbnails of analysed photos are deleted when they have not been used for this many days.</source>
        <translation>Gezichtsgegevens en voorbeeldplaatjes van geanalyseerde foto&apos;s worden gewist als ze zoveel dagen niet zijn gebruikt.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/common/settings_dialog.py" line="101"/>
        <source>Empty the caches now</source>
        <translation>Nu wissen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/common/settings_dialog.py" line="103"/>
        <source>Delete the stored thumbnails and face data of analysed photos.</source>
        <translation>Verwijder de bewaarde miniaturen en gezichtsgegevens van geanalyseerde foto&apos;s.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/common/settings_dialog.py" line="109"/>
        <source>Consent register:</source>
        <translation>Toestemmingsregister:</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/common/settings_dialog.py" line="110"/>
        <source>Faces without consent:</source>
        <translation>Gezichten zonder toestemming:</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/common/settings_dialog.py" line="111"/>
        <source>Cover faces with:</source>
        <translation>Gezichten bedekken met:</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/common/settings_dialog.py" line="112"/>
        <source>Language:</source>
        <translation>Taal:</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/common/settings_dialog.py" line="114"/>
        <source>Photos analysed at the same time:</source>
        <translation>Foto&apos;s die tegelijk worden nagekeken:</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/common/settings_dialog.py" line="118"/>
        <source>A new language or number of photos at the same time applies after a restart.</source>
        <translation>Een andere taal of een ander aantal foto&apos;s tegelijk werkt pas na een herstart van het programma.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/common/settings_dialog.py" line="115"/>
        <source>Keep face data of photos:</source>
        <translation>Gezichtsgegevens van foto&apos;s bewaren:</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/common/settings_dialog.py" line="136"/>
        <source>Consent register</source>
        <translation>Toestemmingsregister</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/common/settings_dialog.py" line="138"/>
        <source>Consent register (*.db);;All files (*)</source>
        <translation>Toestemmingsregister (*.db);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/common/settings_dialog.py" line="146"/>
        <source>The caches are empty.</source>
        <translation>De bewaarde gezichtsgegevens en voorbeelden zijn gewist.</translation>
    </message>
</context>
<context>
    <name>VerdictText</name>
    <message>
        <location filename="../../spoenk_publisher/gui/event/verdict_text.py" line="132"/>
        <source>Shown: consent for this channel</source>
        <extracomment>A face decision&apos;s category: one colour and one legend line each. POSSIBLE: a weak detection nobody has looked at yet (blurred, drawn dashed and muted, for a person to confirm or remove). Drawn with a dashed line.</extracomment>
        <translation>Zichtbaar: toestemming voor dit kanaal</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/verdict_text.py" line="133"/>
        <source>Blurred: no consent</source>
        <translation>Vervaagd: geen toestemming</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/verdict_text.py" line="134"/>
        <source>Blurred: unknown</source>
        <translation>Vervaagd: onbekend</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/verdict_text.py" line="135"/>
        <source>Blurred: too small or not certain</source>
        <translation>Vervaagd: te klein of niet zeker</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/verdict_text.py" line="136"/>
        <source>Blurred by hand</source>
        <translation>Met de hand vervaagd</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/verdict_text.py" line="137"/>
        <source>Possible face: blurred until checked</source>
        <translation>Mogelijk gezicht: vervaagd tot u kiest</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/verdict_text.py" line="138"/>
        <source>Not a face (ignored)</source>
        <translation>Geen gezicht (genegeerd)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../spoenk_publisher/gui/event/verdict_text.py" line="144"/>
        <source>%n blurred</source>
        <translation>
            <numerusform>%n vervaagd</numerusform>
            <numerusform>%n vervaagd</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/verdict_text.py" line="146"/>
        <source>Waiting</source>
        <translation>Wacht</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/verdict_text.py" line="147"/>
        <source>Analysing…</source>
        <translation>Analyseren…</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/verdict_text.py" line="148"/>
        <source>All clear</source>
        <translation>In orde</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/verdict_text.py" line="149"/>
        <source>Faces blurred</source>
        <translation>Vervaagd</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/verdict_text.py" line="150"/>
        <source>Left out</source>
        <translation>Weggelaten</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/event/verdict_text.py" line="151"/>
        <source>Error</source>
        <translation>Fout</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="213"/>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="254"/>
        <source>Withdraw consent</source>
        <translation>Toestemming intrekken</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="217"/>
        <source>Withdraw the consent of %1 (number %2) for:</source>
        <translation>De toestemming van %1 (nummer %2) intrekken voor:</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="230"/>
        <source>%1 (consent until %2)</source>
        <translation>%1 (toestemming t/m %2)</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="237"/>
        <source>All channels</source>
        <translation>Alle kanalen</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="242"/>
        <source>From today the app blurs this person on these channels. Photos that were already published stay online until someone removes them: the next window lists them.</source>
        <translation>Vanaf vandaag vervaagt de app deze persoon op deze kanalen. Foto&apos;s die al gepubliceerd zijn, blijven online tot iemand ze verwijdert: het volgende venster laat ze zien.</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="248"/>
        <source>Recorded from a signed form or letter</source>
        <translation>Vastgelegd van een ondertekend formulier of een brief</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/dialogs.py" line="250"/>
        <source>Note (optional), e.g. &quot;email from parent&quot;</source>
        <translation>Notitie (optioneel), bijv. &quot;e-mail van ouder&quot;</translation>
    </message>
</context>
<context>
    <name>WithdrawalActions</name>
    <message>
        <location filename="../../spoenk_publisher/gui/register/withdrawal.py" line="57"/>
        <source>The consent was not withdrawn. %1</source>
        <translation>De toestemming is niet ingetrokken. %1</translation>
    </message>
    <message>
        <location filename="../../spoenk_publisher/gui/register/withdrawal.py" line="63"/>
        <source>Consent of %1 withdrawn for %2. The app blurs them there from today.</source>
        <translation>Toestemming van %1 ingetrokken voor %2. De app vervaagt hem of haar daar vanaf vandaag.</translation>
    </message>
</context>
</TS>
