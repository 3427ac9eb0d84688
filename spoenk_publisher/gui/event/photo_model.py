"""The photos of an event as a Qt list model: thumbnail, status, analysis and decision per row,
and whether the user has reviewed it and it was exported (see ``gui.event.event_state``)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QImage

from spoenk_publisher.core.analysis import PhotoAnalysis
from spoenk_publisher.core.decisions import PhotoDecision
from spoenk_publisher.core.export_plan import is_reviewed
from spoenk_publisher.gui.event.verdict_text import ANALYSING, ERROR, STATUSES, WAITING, status_of


@dataclass
class PhotoItem:
    path: Path
    thumbnail: QImage | None = None
    status: str = WAITING
    analysis: PhotoAnalysis | None = None
    decision: PhotoDecision | None = None
    error: str | None = None  # why the photo cannot be shown or analysed
    verdict: str = ""  # the sentence for the decision (or the error)
    exported: str = ""  # the channel (its label) it was last exported for in this session


class PhotoListModel(QAbstractListModel):
    """One row per photo. The delegate paints thumbnail and badge from the roles."""

    PathRole = Qt.ItemDataRole.UserRole + 1
    ErrorRole = Qt.ItemDataRole.UserRole + 2
    ThumbnailRole = Qt.ItemDataRole.UserRole + 3
    StatusRole = Qt.ItemDataRole.UserRole + 4
    VerdictRole = Qt.ItemDataRole.UserRole + 5
    AnalysisRole = Qt.ItemDataRole.UserRole + 6
    DecisionRole = Qt.ItemDataRole.UserRole + 7
    ReviewedRole = Qt.ItemDataRole.UserRole + 8
    ExportedRole = Qt.ItemDataRole.UserRole + 9

    def __init__(self, parent: QObject | None = None, reviewed: set[str] | None = None) -> None:
        """``reviewed``: content hashes of the photos the user has looked at (shared with
        another model when given; kept while the app runs, across events)."""
        super().__init__(parent)
        self._items: list[PhotoItem] = []
        self._row_of: dict[Path, int] = {}
        self.reviewed: set[str] = reviewed if reviewed is not None else set()

    # -- contents ---------------------------------------------------------------------------

    def set_photos(self, paths: list[Path]) -> None:
        self.beginResetModel()
        self._items = [PhotoItem(path) for path in paths]
        self._row_of = {item.path: row for row, item in enumerate(self._items)}
        self.endResetModel()

    def paths(self) -> list[Path]:
        return [item.path for item in self._items]

    def item(self, row: int) -> PhotoItem:
        return self._items[row]

    def item_for(self, path: Path) -> PhotoItem | None:
        row = self._row_of.get(path)
        return None if row is None else self._items[row]

    def row_of(self, path: Path) -> int | None:
        return self._row_of.get(path)

    def analyses(self) -> dict[Path, PhotoAnalysis]:
        return {item.path: item.analysis for item in self._items if item.analysis is not None}

    def unanalysed_paths(self) -> list[Path]:
        return [item.path for item in self._items if item.analysis is None]

    def status_counts(self) -> Counter:
        return Counter(item.status for item in self._items)

    def is_reviewed(self, item: PhotoItem) -> bool:
        """Looked at in the review, or a face of it decided by hand (see ``EventState``)."""
        seen = item.analysis is not None and item.analysis.sha256 in self.reviewed
        return is_reviewed(seen, item.decision)

    def unreviewed_paths(self) -> list[Path]:
        """Photos nobody has looked at yet, errors left aside (nothing to look at there)."""
        return [
            item.path for item in self._items if item.status != ERROR and not self.is_reviewed(item)
        ]

    # -- Qt model ---------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.path.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item)
        if role == self.PathRole:
            return item.path
        if role == self.ErrorRole:
            return item.error
        if role == self.ThumbnailRole:
            return item.thumbnail
        if role == self.StatusRole:
            return item.status
        if role == self.VerdictRole:
            return item.verdict
        if role == self.AnalysisRole:
            return item.analysis
        if role == self.DecisionRole:
            return item.decision
        if role == self.ReviewedRole:
            return self.is_reviewed(item)
        if role == self.ExportedRole:
            return item.exported
        return None

    def _tooltip(self, item: PhotoItem) -> str:
        if not item.verdict:
            return str(item.path)
        lines = [item.path.name, item.verdict]
        if item.analysis is not None:
            lines.append(
                self.tr("Reviewed") if self.is_reviewed(item) else self.tr("Not reviewed yet")
            )
        if item.exported:
            lines.append(self.tr("Exported for %1").replace("%1", item.exported))
        return "\n".join(lines)

    # -- updates from jobs (UI thread) ------------------------------------------------------

    def set_thumbnail(self, path: Path, image: QImage) -> None:
        self._update(path, thumbnail=image)

    def set_error(self, path: Path, message: str, verdict: str = "") -> None:
        """A photo that cannot be read or analysed: shown as an error with its reason."""
        self._update(path, error=message, status=ERROR, verdict=verdict or message)

    def set_analysing(self, path: Path) -> None:
        item = self.item_for(path)
        if item is not None and item.analysis is None:
            self._update(path, status=ANALYSING)

    def set_waiting(self, paths: list[Path]) -> None:
        for path in paths:
            item = self.item_for(path)
            if item is not None and item.analysis is None:
                self._update(path, status=WAITING, error=None, verdict="")

    def set_result(
        self, path: Path, analysis: PhotoAnalysis, decision: PhotoDecision, verdict: str
    ) -> None:
        self._update(
            path,
            analysis=analysis,
            decision=decision,
            status=status_of(decision),
            error=None,
            verdict=verdict,
        )

    def mark_reviewed(self, path: Path) -> None:
        item = self.item_for(path)
        if (
            item is not None
            and item.analysis is not None
            and item.analysis.sha256 not in self.reviewed
        ):
            self.reviewed.add(item.analysis.sha256)
            self._update(path)

    def set_exported(self, path: Path, channel_label: str) -> None:
        """``path`` was exported (for the channel called ``channel_label``): the badge says so."""
        self._update(path, exported=channel_label)

    def set_decision(self, path: Path, decision: PhotoDecision, verdict: str) -> None:
        item = self.item_for(path)
        if item is not None and item.analysis is not None:
            self._update(path, decision=decision, status=status_of(decision), verdict=verdict)

    def _update(self, path: Path, **changes) -> None:
        row = self._row_of.get(path)
        if row is None:
            return  # a result for a folder that is no longer open
        item = self._items[row]
        for name, value in changes.items():
            setattr(item, name, value)
        assert item.status in STATUSES
        index = self.index(row)
        self.dataChanged.emit(index, index)
