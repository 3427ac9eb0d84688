"""A window in parts: a large window keeps each group of actions in its own file, as a class
mixed into the window's class (``MainWindow(EventOpening, DemoActions, MainMenus, QMainWindow)``).

``self.tr`` in a part looks its string up in the translation context of the part (the class
``lupdate`` gave it), as in the window's own methods. PySide6's own ``tr`` walks the classes of
the object too, but takes the first class's untranslated plural ("3 photo(s)" is not the source
"%n photo(s)") for a translation and stops there, so a plural said in a part stayed English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


class WindowPart:
    """Base of every part of a window: a ``tr`` that finds a part's plurals too."""

    def tr(self, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        """``source`` in the app's language, from the first class of this object (the window,
        then its parts) whose context translates it."""
        untranslated = QCoreApplication.translate("", source, disambiguation, n)
        for cls in type(self).__mro__:
            said = QCoreApplication.translate(cls.__name__, source, disambiguation, n)
            if said != untranslated:
                return said
        return untranslated
