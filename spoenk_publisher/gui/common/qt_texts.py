"""Dutch for the few strings of Qt's own dialogs that Qt's Dutch catalogue (qtbase_nl) lacks.

Qt asks the translators last installed first; ``gui.app.install_translators`` installs the app's
catalogue before Qt's, so Qt's own Dutch wins where it exists and these fill its gaps. Measured
with Qt 6.11's qtbase_nl.qm on its own file dialog: every label and button is Dutch except these.
Listed here so that lupdate puts them in the app's .ts (context as Qt's own source uses it).
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_DIALOG_TEXTS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
