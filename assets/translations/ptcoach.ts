<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
    <context>
        <name>AboutDialog</name>
        <message>
            <location filename="../../ptcoach/ui/desktop/about.py" line="40" />
            <source>Exercise content</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/desktop/about.py" line="41" />
            <source>Model weights</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/desktop/about.py" line="42" />
            <source>Sounds and images</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/desktop/about.py" line="43" />
            <source>Libraries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/desktop/about.py" line="81" />
            <source>None in use: the optional camera and voice features list theirs here when they are turned on.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/desktop/about.py" line="101" />
            <source>About ptcoach</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/desktop/about.py" line="110" />
            <source>Coaches runners through their physical-therapy exercises.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/desktop/about.py" line="111" />
            <source>Licence:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/desktop/about.py" line="112" />
            <source>Website</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/desktop/about.py" line="113" />
            <source>Report a problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/desktop/about.py" line="133" />
            <source>Where things are</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/desktop/about.py" line="136" />
            <source>Your data:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/desktop/about.py" line="137" />
            <source>Settings:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/desktop/about.py" line="138" />
            <source>Log:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/desktop/about.py" line="139" />
            <source>Crash reports:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/desktop/about.py" line="152" />
            <source>Open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/desktop/about.py" line="154" />
            <source>Open the folder of: {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/desktop/about.py" line="160" />
            <source>&amp;General</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/desktop/about.py" line="172" />
            <source>&amp;Credits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/desktop/about.py" line="177" />
            <source>&amp;Licence</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AdherenceChart</name>
        <message>
            <location filename="../../ptcoach/ui/progress/charts.py" line="65" />
            <source>Sessions per week</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/charts.py" line="68" />
            <source>met the plan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/charts.py" line="69" />
            <source>short of it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/charts.py" line="70" />
            <source>plan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/charts.py" line="122" />
            <source>{0} of {1} sessions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/charts.py" line="124" />
            <source>{0} sessions, no plan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/charts.py" line="126" />
            <source>Week of {0}: {1}, {2} of {3} sets</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Builder</name>
        <message>
            <location filename="../../ptcoach/ui/builder/file_ops.py" line="57" />
            <source>Unsaved changes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/file_ops.py" line="58" />
            <source>Save the changes to “{name}” first?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/file_ops.py" line="74" />
            <location filename="../../ptcoach/ui/builder/file_ops.py" line="79" />
            <source>Not saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/file_ops.py" line="80" />
            <source>Cannot write the routine file: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/file_ops.py" line="85" />
            <source>Saved to {path}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/file_ops.py" line="99" />
            <source>Delete routine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/file_ops.py" line="100" />
            <source>Delete “{name}”? Its file is moved to {trash}, from where you can bring it back.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/file_ops.py" line="113" />
            <source>Not deleted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/file_ops.py" line="114" />
            <source>Cannot move {path} to the trash: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/file_ops.py" line="121" />
            <source>Moved to {path}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/file_ops.py" line="131" />
            <source>Cannot import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/file_ops.py" line="140" />
            <source>Imported {path}: fix the problems listed, then save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/file_ops.py" line="157" />
            <source>is a folder; give a file name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/file_ops.py" line="160" />
            <location filename="../../ptcoach/ui/builder/file_ops.py" line="165" />
            <source>Not exported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/file_ops.py" line="166" />
            <source>Cannot write {path}: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/file_ops.py" line="169" />
            <source>Exported to {path}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/file_ops.py" line="179" />
            <source>Import a routine file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/file_ops.py" line="179" />
            <location filename="../../ptcoach/ui/builder/file_ops.py" line="187" />
            <source>Routine files (*.toml)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/file_ops.py" line="187" />
            <source>Export the routine file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/file_ops.py" line="195" />
            <source>Export a Garmin FIT workout</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/file_ops.py" line="195" />
            <source>FIT workouts (*.fit)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/texts.py" line="20" />
            <source>Runner's knee</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/texts.py" line="21" />
            <source>Shin splints</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/texts.py" line="22" />
            <source>Achilles tendonitis</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/texts.py" line="23" />
            <source>Plantar fasciitis</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/texts.py" line="24" />
            <source>IT band syndrome</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/texts.py" line="25" />
            <source>Patellar tendonitis</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/texts.py" line="26" />
            <source>Lower back pain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/texts.py" line="37" />
            <source>Unknown exercise {id}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/texts.py" line="44" />
            <source>{sets} × {reps} reps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/texts.py" line="46" />
            <source>{sets} × ({heat} s heat + {cold} s cold)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/texts.py" line="50" />
            <source>{sets} × {hold} s per area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/texts.py" line="52" />
            <source>{sets} × {hold} s hold</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/texts.py" line="54" />
            <source>each side</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/texts.py" line="57" />
            <source>rest {s} s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/texts.py" line="69" />
            <source>Id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/texts.py" line="70" />
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/texts.py" line="71" />
            <source>Description</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/texts.py" line="72" />
            <source>Get ready</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/texts.py" line="73" />
            <source>Exercises</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/texts.py" line="74" />
            <source>Rest between exercises</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/texts.py" line="75" />
            <source>Routine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/texts.py" line="83" />
            <source>Exercise {n}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/texts.py" line="86" />
            <source>Own exercise {n}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/texts.py" line="89" />
            <source>start</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BuilderWindow</name>
        <message>
            <location filename="../../ptcoach/ui/builder/window.py" line="98" />
            <source>This is a built-in routine: it cannot be changed. Duplicate it to make your own version.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/window.py" line="106" />
            <source>Duplicate &amp;to edit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/window.py" line="118" />
            <source>Select an exercise in the routine to set its numbers, or one of your own exercises to edit it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/window.py" line="140" />
            <source>Problems</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/window.py" line="167" />
            <source>&amp;New routine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/window.py" line="168" />
            <source>&amp;Duplicate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/window.py" line="169" />
            <source>&amp;Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/window.py" line="170" />
            <source>&amp;Import routine file…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/window.py" line="171" />
            <source>&amp;Export routine file…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/window.py" line="172" />
            <source>Export Garmin &amp;FIT workout…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/window.py" line="173" />
            <source>De&amp;lete routine…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/window.py" line="174" />
            <source>&amp;Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/window.py" line="176" />
            <source>&amp;Undo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/window.py" line="179" />
            <source>&amp;Redo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/window.py" line="184" />
            <source>&amp;Routine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/window.py" line="199" />
            <source>&amp;Edit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/window.py" line="209" />
            <source>Routine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/window.py" line="273" />
            <source>&lt;b&gt;Problems ({n})&lt;/b&gt; — fix them to save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/window.py" line="275" />
            <source>No problems.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/window.py" line="281" />
            <source>Undo {what}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/window.py" line="282" />
            <source>Redo {what}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/window.py" line="289" />
            <source> (built-in, read-only)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/window.py" line="291" />
            <source>{name}{star}{suffix} — routine builder</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CalendarChart</name>
        <message>
            <location filename="../../ptcoach/ui/progress/charts.py" line="169" />
            <source>Last 12 months</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/charts.py" line="172" />
            <source>nothing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/charts.py" line="173" />
            <source>a full session or more</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/charts.py" line="184" />
            <source>Mon</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/charts.py" line="185" />
            <source>Tue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/charts.py" line="186" />
            <source>Wed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/charts.py" line="187" />
            <source>Thu</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/charts.py" line="188" />
            <source>Fri</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/charts.py" line="189" />
            <source>Sat</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/charts.py" line="190" />
            <source>Sun</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/charts.py" line="228" />
            <source>{0}: {1} sessions, {2} done</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CalibrationView</name>
        <message>
            <location filename="../../ptcoach/ui/camera/calibration.py" line="35" />
            <source>Camera view</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/camera/calibration.py" line="53" />
            <source>Stand where the camera sees all of you.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/camera/calibration.py" line="56" />
            <source>Starting the camera…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/camera/calibration.py" line="57" />
            <source>Nobody in view yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/camera/calibration.py" line="60" />
            <source>Not in view: {0}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/camera/calibration.py" line="61" />
            <source>All of you is in view. Press Start when ready.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CameraBox</name>
        <message>
            <location filename="../../ptcoach/ui/camera/preferences_box.py" line="25" />
            <source>Camera coach: counts reps, times &amp;holds</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/camera/preferences_box.py" line="28" />
            <source>The camera counts your reps, stops a hold's clock when you leave the position and says when your form slips. Everything stays on this computer; no picture is saved. A hand raised above your head for a second pauses or resumes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/camera/preferences_box.py" line="35" />
            <source>Camera coach off: needs the camera extra</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/camera/preferences_box.py" line="44" />
            <source>Camera</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/camera/preferences_box.py" line="45" />
            <location filename="../../ptcoach/ui/camera/preferences_box.py" line="63" />
            <source>Default camera</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/camera/preferences_box.py" line="67" />
            <source>{0} (not connected)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CameraIndicator</name>
        <message>
            <location filename="../../ptcoach/ui/camera/indicator.py" line="56" />
            <source>Camera on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/camera/indicator.py" line="61" />
            <source>Camera coach (Preferences turn it on or off)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ChartPanel</name>
        <message>
            <location filename="../../ptcoach/ui/progress/panel.py" line="73" />
            <source>Export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/panel.py" line="76" />
            <source>Save image (PNG)…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/panel.py" line="77" />
            <source>Save figures (CSV)…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/panel.py" line="157" />
            <source>Save chart image</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/panel.py" line="157" />
            <source>PNG (*.png)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/panel.py" line="164" />
            <source>Save chart figures</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/panel.py" line="164" />
            <source>CSV (*.csv)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ExerciseChart</name>
        <message>
            <location filename="../../ptcoach/ui/progress/trends.py" line="170" />
            <location filename="../../ptcoach/ui/progress/trends.py" line="173" />
            <source>Exercise</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/trends.py" line="223" />
            <source>seconds held</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/trends.py" line="223" />
            <source>reps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/trends.py" line="226" />
            <source>best set</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/trends.py" line="227" />
            <source>day's total</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/trends.py" line="234" />
            <source>camera: best hold</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/trends.py" line="234" />
            <source>camera-counted reps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/trends.py" line="237" />
            <source>a day with a form cue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/trends.py" line="259" />
            <source>{0}: best {1} {3}, total {2} {3} in {4} sets</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/trends.py" line="268" />
            <source>; camera counted {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/trends.py" line="270" />
            <source>; form cues in {0} sets</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ExercisePicker</name>
        <message>
            <location filename="../../ptcoach/ui/builder/picker.py" line="39" />
            <location filename="../../ptcoach/ui/builder/picker.py" line="49" />
            <source>Catalogue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/picker.py" line="42" />
            <source>Search exercises (Enter adds)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/picker.py" line="44" />
            <source>Search exercises</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/picker.py" line="50" />
            <source>&amp;Add to routine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/picker.py" line="56" />
            <location filename="../../ptcoach/ui/builder/picker.py" line="59" />
            <source>Your own exercises</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/picker.py" line="62" />
            <source>New e&amp;xercise</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/picker.py" line="64" />
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/picker.py" line="87" />
            <source>All exercises</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/picker.py" line="89" />
            <source>Helps: {c}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/picker.py" line="94" />
            <source>Works: {m}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/picker.py" line="115" />
            <source>own</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/picker.py" line="134" />
            <source>(no name)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FigureWidget</name>
        <message>
            <location filename="../../ptcoach/ui/figure/widget.py" line="102" />
            <source>exercise</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/figure/widget.py" line="104" />
            <source>Illustration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/figure/widget.py" line="106" />
            <source>A standing figure; there is no picture for {0} yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/figure/widget.py" line="109" />
            <source>Illustration of {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/figure/widget.py" line="111" />
            <source> Shown for the left side.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/figure/widget.py" line="112" />
            <source> Shown for the right side, mirrored.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/figure/widget.py" line="116" />
            <source>A stick figure doing {0}, moving from the start position to the end position; the working limb is coloured.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HomeMenu</name>
        <message>
            <location filename="../../ptcoach/ui/home/menu.py" line="51" />
            <source>&amp;Routine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/menu.py" line="52" />
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/menu.py" line="53" />
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/menu.py" line="57" />
            <source>&amp;New routine…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/menu.py" line="59" />
            <source>&amp;Edit routine…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/menu.py" line="60" />
            <source>&amp;Schedule and reminders…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/menu.py" line="61" />
            <source>&amp;Import…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/menu.py" line="62" />
            <source>E&amp;xport…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/menu.py" line="63" />
            <source>&amp;Progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/menu.py" line="64" />
            <source>&amp;Learn</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/menu.py" line="65" />
            <source>P&amp;references…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/menu.py" line="66" />
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/menu.py" line="67" />
            <source>&amp;About ptcoach</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HomeWindow</name>
        <message>
            <location filename="../../ptcoach/ui/home/window.py" line="60" />
            <source>ptcoach</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/window.py" line="71" />
            <location filename="../../ptcoach/ui/home/window.py" line="74" />
            <source>Routines</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/window.py" line="80" />
            <source>Some routine files could not be read:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/window.py" line="100" />
            <source>Start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/window.py" line="121" />
            <source>No routines found.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/window.py" line="178" />
            <source> (yours)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/window.py" line="187" />
            <source>not done yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/window.py" line="193" />
            <source>last done today</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/window.py" line="195" />
            <source>last done yesterday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/window.py" line="196" />
            <source>last done {0} days ago</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/window.py" line="268" />
            <source>About {0}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ItemForm</name>
        <message>
            <location filename="../../ptcoach/ui/builder/item_form.py" line="38" />
            <source>from</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/item_form.py" line="38" />
            <source>to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/item_form.py" line="38" />
            <source>start at</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/item_form.py" line="41" />
            <source>Sets</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/item_form.py" line="42" />
            <source>Reps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/item_form.py" line="43" />
            <source>Hold / heat (s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/item_form.py" line="44" />
            <source>Cold (s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/item_form.py" line="62" />
            <source> s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/item_form.py" line="66" />
            <source>A reminder shown with the exercise</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/item_form.py" line="68" />
            <source>Rest between sets</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/item_form.py" line="69" />
            <source>Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/item_form.py" line="123" />
            <source>Each area (s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/item_form.py" line="123" />
            <source>Heat (s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/item_form.py" line="124" />
            <source>Hold (s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/item_form.py" line="131" />
            <source>This exercise is not in the catalogue or among your own exercises: remove it or fix its id.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/item_form.py" line="139" />
            <source> (each side)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LearnView</name>
        <message>
            <location filename="../../ptcoach/ui/learn_view.py" line="39" />
            <source>Learn</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/learn_view.py" line="51" />
            <location filename="../../ptcoach/ui/learn_view.py" line="52" />
            <source>Search the Learn pages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/learn_view.py" line="58" />
            <source>Learn pages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/learn_view.py" line="75" />
            <location filename="../../ptcoach/ui/learn_view.py" line="76" />
            <source>Back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/learn_view.py" line="81" />
            <location filename="../../ptcoach/ui/learn_view.py" line="82" />
            <source>Forward</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/learn_view.py" line="93" />
            <source>Learn page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/learn_view.py" line="124" />
            <source>There is no Learn page “{0}”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/learn_view.py" line="185" />
            <source>{0} pages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/learn_view.py" line="200" />
            <source>1 page matches</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/learn_view.py" line="202" />
            <source>{0} pages match</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/learn_view.py" line="205" />
            <source>No page matches</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>OwnExerciseForm</name>
        <message>
            <location filename="../../ptcoach/ui/builder/own_form.py" line="43" />
            <source>Repetitions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/own_form.py" line="44" />
            <source>Timed hold</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/own_form.py" line="45" />
            <source>Done on each side (left, then right)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/own_form.py" line="50" />
            <source>lift</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/own_form.py" line="50" />
            <source>hold</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/own_form.py" line="50" />
            <source>lower</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/own_form.py" line="54" />
            <source>Tempo (seconds)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/own_form.py" line="57" />
            <source>One step per line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/own_form.py" line="60" />
            <source>Own exercise</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/own_form.py" line="61" />
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/own_form.py" line="62" />
            <source>Id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/own_form.py" line="63" />
            <source>Kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/own_form.py" line="66" />
            <source>Instructions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/own_form.py" line="68" />
            <source>Sets</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/own_form.py" line="69" />
            <source>Reps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/own_form.py" line="70" />
            <source>Hold (s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/own_form.py" line="71" />
            <source>Rest between sets (s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/own_form.py" line="79" />
            <source>to</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PainChart</name>
        <message>
            <location filename="../../ptcoach/ui/progress/trends.py" line="81" />
            <source>Pain and effort</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/trends.py" line="84" />
            <source>pain after</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/trends.py" line="85" />
            <source>pain before</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/trends.py" line="86" />
            <location filename="../../ptcoach/ui/progress/trends.py" line="144" />
            <source>effort</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/trends.py" line="87" />
            <source>dots: days, lines: weekly means</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/trends.py" line="142" />
            <source>pain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/trends.py" line="143" />
            <source>before</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PainNowRow</name>
        <message>
            <location filename="../../ptcoach/ui/session/pain_now.py" line="25" />
            <source>Pain now (optional): 0 = none, 10 = worst</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/pain_now.py" line="28" />
            <source>Pain now</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PlaysoundPlayer</name>
        <message>
            <location filename="../../ptcoach/audio/playsound_player.py" line="44" />
            <source>playsound3 is not installed ({error}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/audio/playsound_player.py" line="48" />
            <source>playsound3 finds no external player (install alsa-utils and mpg123, or gstreamer1.0-tools).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/audio/playsound_player.py" line="98" />
            <source>playsound3 ({backend}) cannot reach an audio output.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <location filename="../../ptcoach/ui/preferences.py" line="52" />
            <source>Preferences</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/preferences.py" line="87" />
            <source>Some saved preferences were impossible and have been reset:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/preferences.py" line="98" />
            <source>Appearance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/preferences.py" line="102" />
            <source>Follow the system</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/preferences.py" line="103" />
            <source>Light</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/preferences.py" line="104" />
            <source>Dark</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/preferences.py" line="110" />
            <source>Normal</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/preferences.py" line="111" />
            <source>Large</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/preferences.py" line="112" />
            <source>Extra large</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/preferences.py" line="115" />
            <source>&amp;Theme:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/preferences.py" line="116" />
            <source>Te&amp;xt size:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/preferences.py" line="120" />
            <source>Sound</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/preferences.py" line="132" />
            <source>&amp;Volume:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/preferences.py" line="134" />
            <source>&amp;Mute all cues</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/preferences.py" line="135" />
            <source>S&amp;poken cues</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/preferences.py" line="136" />
            <source>T&amp;ones and tempo clicks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/preferences.py" line="137" />
            <source>&amp;Count reps aloud</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/preferences.py" line="138" />
            <source>&amp;Flash the screen with each cue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/preferences.py" line="151" />
            <source>Session timing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/preferences.py" line="154" />
            <source>&amp;Get ready before each exercise:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/preferences.py" line="155" />
            <source>&amp;Rest between sets:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/preferences.py" line="161" />
            <source>Data and start-up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/preferences.py" line="171" />
            <source>Open fo&amp;lder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/preferences.py" line="174" />
            <source>Show your routines and history in the file manager</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/preferences.py" line="180" />
            <source>&amp;Data folder:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/preferences.py" line="183" />
            <source>&amp;Start at login (in the tray, to remind you)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/preferences.py" line="215" />
            <source> s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/preferences.py" line="269" />
            <source>{0} %</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ProgressView</name>
        <message>
            <location filename="../../ptcoach/ui/progress/view.py" line="85" />
            <source>Routine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/view.py" line="90" />
            <source>4 weeks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/view.py" line="91" />
            <source>3 months</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/view.py" line="92" />
            <source>Year</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/view.py" line="93" />
            <source>All</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/view.py" line="105" />
            <source>Report (PDF)…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/view.py" line="127" />
            <source>Reading the history…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/view.py" line="197" />
            <source>The history is being re-opened; try again in a moment.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/view.py" line="294" />
            <source>The history could not be read: {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/view.py" line="340" />
            <source>{0:.0f}% of planned sessions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/view.py" line="341" />
            <source>{0} of {1} weeks met</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/view.py" line="343" />
            <source>no plan in this range</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/view.py" line="345" />
            <source>streak {0} weeks (best {1})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/view.py" line="348" />
            <source>set a plan (Routine menu, Schedule and reminders) to count streaks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/view.py" line="356" />
            <source>All routines</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/view.py" line="379" />
            <source>Save report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/view.py" line="379" />
            <source>PDF (*.pdf)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/view.py" line="388" />
            <source>Report not written</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/progress/view.py" line="403" />
            <source>Progress — ptcoach</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ProgressionDialog</name>
        <message>
            <location filename="../../ptcoach/ui/session/progression_dialog.py" line="84" />
            <source>{0} reps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/progression_dialog.py" line="86" />
            <source>{0} s heat / {1} s cold</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/progression_dialog.py" line="88" />
            <source>{0} s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/progression_dialog.py" line="90" />
            <source>{0} sets</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/progression_dialog.py" line="121" />
            <source>Keep {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/progression_dialog.py" line="134" />
            <source>⚠ Pain like this is worth showing to a physical therapist before you carry on.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/progression_dialog.py" line="144" />
            <source>Accept</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/progression_dialog.py" line="146" />
            <source>Dismiss</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/progression_dialog.py" line="186" />
            <source>Next time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/progression_dialog.py" line="188" />
            <source>Suggestions for next time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/progression_dialog.py" line="206" />
            <source>Accept all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/progression_dialog.py" line="210" />
            <source>Done</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>QtPlayer</name>
        <message>
            <location filename="../../ptcoach/audio/qt_player.py" line="47" />
            <source>Qt Multimedia cannot load ({error}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/audio/qt_player.py" line="51" />
            <source>Qt Multimedia finds no audio output.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/audio/qt_player.py" line="65" />
            <source>Qt Multimedia has no output named {sink}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/audio/qt_player.py" line="91" />
            <source>Qt Multimedia took too long to load {path}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/audio/qt_player.py" line="99" />
            <source>Qt Multimedia needs the application to be running.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/audio/qt_player.py" line="111" />
            <location filename="../../ptcoach/audio/qt_player.py" line="133" />
            <source>Qt Multimedia cannot load {path}.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RatingDialog</name>
        <message>
            <location filename="../../ptcoach/ui/session/rating_dialog.py" line="121" />
            <source>Pain before the session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/rating_dialog.py" line="121" />
            <source>How did it feel?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/rating_dialog.py" line="125" />
            <source>How much pain do you feel now, before you start?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/rating_dialog.py" line="127" />
            <source>How much pain did you feel, and how hard was it?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/rating_dialog.py" line="132" />
            <source>Pain (0 = none, 10 = worst imaginable)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/rating_dialog.py" line="133" />
            <source>Pain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/rating_dialog.py" line="133" />
            <source>none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/rating_dialog.py" line="133" />
            <source>worst</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/rating_dialog.py" line="135" />
            <source>Effort</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/rating_dialog.py" line="135" />
            <source>very easy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/rating_dialog.py" line="135" />
            <source>maximal</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/rating_dialog.py" line="138" />
            <source>Note (optional), e.g. knee stiff at first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/rating_dialog.py" line="139" />
            <source>Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/rating_dialog.py" line="144" />
            <source>Effort (0 = very easy, 10 = maximal)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/rating_dialog.py" line="149" />
            <source>Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/rating_dialog.py" line="152" />
            <source>Skip</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Recording</name>
        <message>
            <location filename="../../ptcoach/ui/session/recording.py" line="104" />
            <source>The history cannot be opened: {0}
This session's sets are kept in {1} and added to the history at the next start once it can be opened.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/recording.py" line="110" />
            <source>History not saved yet: {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/recording.py" line="204" />
            <source>Saving {0} records to the history…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReminderPopup</name>
        <message>
            <location filename="../../ptcoach/ui/desktop/reminder_popup.py" line="25" />
            <source>ptcoach reminder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/desktop/reminder_popup.py" line="37" />
            <source>Start now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/desktop/reminder_popup.py" line="40" />
            <source>Snooze 30 min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/desktop/reminder_popup.py" line="55" />
            <source>Time for your {0} session ({1}).</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Report</name>
        <message>
            <location filename="../../ptcoach/report/pdf.py" line="43" />
            <source>ptcoach report {0} to {1}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/report/pdf.py" line="81" />
            <source>Physical-therapy exercise report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/report/pdf.py" line="83" />
            <source>Routine: {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/report/pdf.py" line="84" />
            <source>Period: {0} to {1} ({2} weeks)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/report/pdf.py" line="85" />
            <source>Made by ptcoach on {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/report/pdf.py" line="87" />
            <source>Adherence</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/report/pdf.py" line="90" />
            <source>Sessions done: {0} of {1} planned ({2})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/report/pdf.py" line="96" />
            <source>Weeks that met the plan: {0} of {1}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/report/pdf.py" line="99" />
            <source>No plan was set for this period.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/report/pdf.py" line="101" />
            <source>Sets done: {0} of {1} prescribed ({2})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/report/pdf.py" line="107" />
            <source>Sessions started: {0}, completed in full: {1}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/report/pdf.py" line="110" />
            <source>Streak of weeks meeting the plan: {0} now, best {1}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/report/pdf.py" line="117" />
            <source>Pain and effort (weekly means, 0 to 10)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/report/pdf.py" line="121" />
            <source>Exercises</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/report/pdf.py" line="210" />
            <source>Bars: sessions done each week (blue met the plan, orange short of it); black line: sessions planned. Weeks start on Monday.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/report/pdf.py" line="244" />
            <source>Red: pain after sessions. Blue: effort.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/report/pdf.py" line="248" />
            <source>No pain ratings in this period.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/report/pdf.py" line="251" />
            <source>Pain after sessions: {0} in the first week rated, {1} in the last (mean {2})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/report/pdf.py" line="263" />
            <source>Exercise</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/report/pdf.py" line="264" />
            <source>Days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/report/pdf.py" line="265" />
            <source>Sets</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/report/pdf.py" line="266" />
            <source>Skipped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/report/pdf.py" line="267" />
            <source>Reps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/report/pdf.py" line="268" />
            <source>Best set: first → last</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/report/pdf.py" line="273" />
            <source>No exercises were done in this period.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/report/pdf.py" line="280" />
            <source>{0} → {1} reps</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ResumeDialog</name>
        <message>
            <location filename="../../ptcoach/ui/session/resume_dialog.py" line="27" />
            <source>Unfinished session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/resume_dialog.py" line="30" />
            <source>Your {routine} session from {when} was interrupted after {done} of {planned} sets.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/resume_dialog.py" line="39" />
            <source>It cannot be resumed: {why}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/resume_dialog.py" line="45" />
            <source>Close it as partial</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/resume_dialog.py" line="46" />
            <source>Decide later</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/resume_dialog.py" line="60" />
            <source> (left side)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/resume_dialog.py" line="60" />
            <source> (right side)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/resume_dialog.py" line="63" />
            <source>Resume from {exercise}, set {n}{side}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RoutineForm</name>
        <message>
            <location filename="../../ptcoach/ui/builder/routine_form.py" line="53" />
            <source>(none)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/routine_form.py" line="58" />
            <source>&amp;Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/routine_form.py" line="59" />
            <source>&amp;Id (file name)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/routine_form.py" line="60" />
            <source>&amp;Description</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/routine_form.py" line="61" />
            <source>&amp;Condition</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/routine_form.py" line="62" />
            <source>&amp;Get ready before each exercise</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/routine_form.py" line="63" />
            <source>Rest &amp;between exercises</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/routine_form.py" line="67" />
            <source>Exercises</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/routine_form.py" line="68" />
            <source>drag or Ctrl+Up/Down to reorder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/routine_form.py" line="75" />
            <source>Exercises in the routine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/routine_form.py" line="80" />
            <source>Move up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/routine_form.py" line="81" />
            <source>Move down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/routine_form.py" line="82" />
            <source>Remove exercise</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/builder/routine_form.py" line="127" />
            <source> s</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ScheduleEditor</name>
        <message>
            <location filename="../../ptcoach/ui/home/schedule_editor.py" line="93" />
            <source>Schedule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/schedule_editor.py" line="96" />
            <source>When do you want to do {0}?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/schedule_editor.py" line="115" />
            <source>Remind me at</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/schedule_editor.py" line="131" />
            <source>Start ptcoach at login (in the tray), so reminders can show</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/schedule_editor.py" line="173" />
            <source>Start at login</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/schedule_editor.py" line="174" />
            <source>Could not change {0}: {1}. Check that the folder is writable.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/schedule_editor.py" line="185" />
            <source>No days chosen: no schedule from today.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/schedule_editor.py" line="187" />
            <source>{0} days a week, no reminder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/schedule_editor.py" line="189" />
            <source>{0} days a week, reminder at {1}.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SessionCamera</name>
        <message>
            <location filename="../../ptcoach/ui/camera/session_camera.py" line="234" />
            <source>cannot see this one</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/camera/session_camera.py" line="276" />
            <source>hold lost: clock stopped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/camera/session_camera.py" line="282" />
            <source>holding</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SessionLifecycle</name>
        <message>
            <location filename="../../ptcoach/ui/session/lifecycle.py" line="367" />
            <location filename="../../ptcoach/ui/session/lifecycle.py" line="436" />
            <source>History not saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/lifecycle.py" line="368" />
            <source>{0}
The session goes on; ptcoach will try again after the next set.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/lifecycle.py" line="437" />
            <source>{0}
The last {1} records of this session could not be saved.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SessionText</name>
        <message>
            <location filename="../../ptcoach/ui/session/durations.py" line="18" />
            <source>{0} s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/durations.py" line="21" />
            <source>{0} min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/durations.py" line="21" />
            <source>{0} min {1} s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/durations.py" line="23" />
            <source>{0} h {1:02d} min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/text.py" line="54" />
            <source>Lift</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/text.py" line="55" />
            <location filename="../../ptcoach/ui/session/text.py" line="95" />
            <source>Hold</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/text.py" line="56" />
            <source>Lower</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/text.py" line="57" />
            <source>Up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/text.py" line="58" />
            <source>Down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/text.py" line="59" />
            <source>Pause</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/text.py" line="60" />
            <source>Heat</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/text.py" line="61" />
            <source>Cold</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/text.py" line="68" />
            <source>Press Start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/text.py" line="70" />
            <source>Done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/text.py" line="72" />
            <source>Stopped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/text.py" line="77" />
            <location filename="../../ptcoach/ui/session/text.py" line="87" />
            <source>Get ready</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/text.py" line="81" />
            <source>Paused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/text.py" line="89" />
            <source>Rest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/text.py" line="91" />
            <source>Switch sides</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/text.py" line="93" />
            <source>Roll</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/text.py" line="96" />
            <source>Work</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/text.py" line="122" />
            <location filename="../../ptcoach/ui/session/text.py" line="131" />
            <source>seconds</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/text.py" line="124" />
            <source>rep {0} of {1}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/text.py" line="126" />
            <source>Enter when done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/text.py" line="130" />
            <source>seconds on this area ({0} of {1})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/text.py" line="152" />
            <source>Set {0} of {1}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/text.py" line="157" />
            <source>Left side</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/text.py" line="159" />
            <source>Right side</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/text.py" line="170" />
            <source>Next: finish</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/text.py" line="172" />
            <source>Next: rest {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/text.py" line="174" />
            <source>Next: switch to the {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/text.py" line="176" />
            <source>Next: {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/text.py" line="177" />
            <source>Next: {0}, set {1} of {2}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SessionView</name>
        <message>
            <location filename="../../ptcoach/ui/session/view.py" line="77" />
            <source>Sound off (M)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/view.py" line="79" />
            <source>Sound is muted for this session; M turns it back on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/view.py" line="94" />
            <source>Why this helps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/view.py" line="99" />
            <source>Why this helps (key: W)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/view.py" line="101" />
            <location filename="../../ptcoach/ui/session/view.py" line="201" />
            <source>Key: {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/view.py" line="130" />
            <source>Instructions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/view.py" line="156" />
            <source>◀ Back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/view.py" line="156" />
            <source>Left arrow</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/view.py" line="157" />
            <source>↺ Set</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/view.py" line="158" />
            <source>Start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/view.py" line="158" />
            <location filename="../../ptcoach/ui/session/view.py" line="159" />
            <source>Space</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/view.py" line="159" />
            <location filename="../../ptcoach/ui/session/view.py" line="352" />
            <source>Pause</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/view.py" line="160" />
            <source>Rep done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/view.py" line="160" />
            <source>Enter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/view.py" line="161" />
            <source>Next ▶</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/view.py" line="161" />
            <source>Right arrow</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/view.py" line="162" />
            <location filename="../../ptcoach/ui/session/view.py" line="266" />
            <source>Mute</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/view.py" line="163" />
            <source>Full</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/view.py" line="164" />
            <source>Stop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/view.py" line="197" />
            <source>{0} (key: {1})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/view.py" line="266" />
            <source>Unmute</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/view.py" line="342" />
            <source>{0} left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/view.py" line="352" />
            <source>Resume</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SessionVoice</name>
        <message>
            <location filename="../../ptcoach/ui/voice/session_voice.py" line="107" />
            <source>Starting the microphone…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/voice/session_voice.py" line="208" />
            <source>{0}” — not now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/voice/session_voice.py" line="224" />
            <source>Say “yes” to stop</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SessionWindow</name>
        <message>
            <location filename="../../ptcoach/ui/session/window.py" line="57" />
            <location filename="../../ptcoach/ui/session/window.py" line="100" />
            <source>{0} — ptcoach</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/window.py" line="70" />
            <source>{0}

Getting ready…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/window.py" line="192" />
            <source>Stop the session?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/window.py" line="193" />
            <source>Stop this session? The sets done so far are kept.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/window.py" line="231" />
            <source>A guided exercise session is running</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Shell</name>
        <message>
            <location filename="../../ptcoach/ui/main.py" line="292" />
            <source>History unavailable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/main.py" line="293" />
            <source>{0}

Sessions can still be followed; their sets are kept in the data folder and added to the history once it can be opened.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/main.py" line="310" />
            <source>History</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/main.py" line="358" />
            <source>History not saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/main.py" line="359" />
            <source>The unfinished session could not be closed: {0}
It stays unfinished; ptcoach offers it again at the next start.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/shell.py" line="203" />
            <source>Progress — ptcoach</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/shell.py" line="350" />
            <source>No sound: cues flash on screen. Check your speakers or headphones.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SoundSetup</name>
        <message>
            <location filename="../../ptcoach/ui/session/sound.py" line="150" />
            <source>{name} took too long to load the sounds.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SummaryView</name>
        <message>
            <location filename="../../ptcoach/ui/session/summary.py" line="81" />
            <source>Exercise</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/summary.py" line="82" />
            <source>Done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/summary.py" line="83" />
            <source>Skipped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/summary.py" line="84" />
            <source>Not reached</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/summary.py" line="85" />
            <source>Reps / time per set</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/summary.py" line="93" />
            <source>Sets per exercise</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/summary.py" line="94" />
            <source>Back to routines</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/summary.py" line="100" />
            <source>Back to routines (Esc or Enter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/summary.py" line="115" />
            <source>Session complete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/summary.py" line="115" />
            <source>Session stopped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/session/summary.py" line="121" />
            <source>{0}: {1} sets done, {2} skipped, {3} not reached</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TargetsEditor</name>
        <message>
            <location filename="../../ptcoach/ui/home/targets_editor.py" line="38" />
            <source>Exercise</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/targets_editor.py" line="39" />
            <source>Sets</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/targets_editor.py" line="40" />
            <source>Reps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/targets_editor.py" line="41" />
            <source>Hold (s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/targets_editor.py" line="42" />
            <source>Cold (s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/targets_editor.py" line="60" />
            <source>from {0} to {1}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/targets_editor.py" line="76" />
            <source> fixed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/targets_editor.py" line="77" />
            <source>This routine asks for exactly {0}. To change it, make your own copy: Routine menu, Edit routine, then Duplicate.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/targets_editor.py" line="87" />
            <source> (each side)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/targets_editor.py" line="97" />
            <source>Why this helps: open the Learn page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/home/targets_editor.py" line="98" />
            <source>{0}, why this helps (link)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Tray</name>
        <message>
            <location filename="../../ptcoach/ui/desktop/tray.py" line="68" />
            <source>Open ptcoach</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/desktop/tray.py" line="70" />
            <source>Start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/desktop/tray.py" line="71" />
            <source>Reminders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/desktop/tray.py" line="75" />
            <source>Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/desktop/tray.py" line="88" />
            <source>ptcoach</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/desktop/tray.py" line="130" />
            <source>Time for your exercises</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/desktop/tray.py" line="131" />
            <source>{0} is planned for {1}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/desktop/tray.py" line="137" />
            <source>Start now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/desktop/tray.py" line="137" />
            <source>Snooze 30 min</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>VoiceBox</name>
        <message>
            <location filename="../../ptcoach/ui/voice/preferences_box.py" line="23" />
            <source>Voice comma&amp;nds (key: V)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/voice/preferences_box.py" line="28" />
            <source>Microphone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/voice/preferences_box.py" line="29" />
            <source>The microphone to listen with</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/voice/preferences_box.py" line="30" />
            <source>Default microphone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/voice/preferences_box.py" line="35" />
            <source>Say one word on its own: {0}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/voice/preferences_box.py" line="38" />
            <source>Off: needs the voice extra (make voice)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>VoiceIndicator</name>
        <message>
            <location filename="../../ptcoach/ui/voice/indicator.py" line="49" />
            <source>“{0}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/voice/indicator.py" line="57" />
            <source>Listening</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/ui/voice/indicator.py" line="61" />
            <source>Voice commands (key: V)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>choose_player</name>
        <message>
            <location filename="../../ptcoach/audio/player.py" line="108" />
            <source>{var}={value} is not one of qt, playsound, none; choosing automatically.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/audio/player.py" line="120" />
            <source>{name} failed to play ({error}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/audio/player.py" line="123" />
            <source>{name} failed to start ({error}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/audio/player.py" line="130" />
            <source>Sound is off ({var}=none): cues will be shown on screen.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/audio/player.py" line="147" />
            <source>No audio output found: cues will be shown on screen.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/audio/player.py" line="158" />
            <source>Sound: Qt Multimedia on {device}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../ptcoach/audio/player.py" line="164" />
            <source>Sound: playsound3 ({backend}).</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
