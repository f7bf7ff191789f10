"""The app as the screenshots see it: a temporary data and config dir, a generated history,
the light theme, and the real shell (home window, menus, secondary windows) on top."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ptcoach.catalog.catalog import Catalog
from ptcoach.paths import DATA_DIR_ENV, asset
from ptcoach.store.db import database_path, open_database
from ptcoach.store.plans import set_plan
from ptcoach.store.sessions import Status, end_session, insert_session
from ptcoach.store.timefmt import to_iso
from ptcoach.ui import settings as app_settings
from ptcoach.ui.look import theme
from ptcoach.ui.settings import CONFIG_DIR_ENV, AppSettings, Theme, open_settings
from ptcoach.ui.shell import Services, Shell

SCRIPTS = Path(__file__).resolve().parent.parent
HISTORY_DAYS = 400
PLANNED_PER_WEEK = 5  # runner's knee: the progress view judges each week against this
# Other routines done lately, so the home list shows more than one "last done" text.
ALSO_DONE = (("strength", 3), ("it-band-syndrome", 9), ("flexibility", 24))


@dataclass(frozen=True)
class Stage:
    app: QApplication
    data: Path
    settings: QSettings
    catalog: Catalog
    conn: sqlite3.Connection
    shell: Shell

    def set_theme(self, chosen: Theme) -> None:
        set_theme(self.app, self.settings, chosen)


def set_theme(app: QApplication, settings: QSettings, chosen: Theme) -> None:
    """What OK in Preferences does: store the choice and repaint every window with it."""
    loaded = app_settings.load(settings)
    prefs = AppSettings(
        theme=chosen,
        text_size=loaded.app.text_size,
        lead_in_s=loaded.app.lead_in_s,
        rest_s=loaded.app.rest_s,
    )
    app_settings.save(settings, prefs)
    theme.apply(app, prefs)


def make_stage(tmp: Path) -> Stage:
    """Everything in `tmp`; the user's own data and settings are never touched."""
    data, config = tmp / "data", tmp / "config"
    data.mkdir(mode=0o700)
    config.mkdir()
    os.environ[DATA_DIR_ENV] = str(data)
    os.environ[CONFIG_DIR_ENV] = str(config)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("ptcoach")
    app.setWindowIcon(QIcon(str(asset("icons", "ptcoach.svg"))))
    _generate_history(database_path(data))
    conn = open_database(database_path(data))
    set_plan(
        conn,
        "runners-knee",
        date.today() - timedelta(days=HISTORY_DAYS),
        sessions_per_week=PLANNED_PER_WEEK,
    )
    _add_other_routines(conn)
    catalog = Catalog.load(data)
    settings = open_settings()
    set_theme(app, settings, Theme.LIGHT)  # the same look on every machine that renders them
    services = Services(
        settings=settings, data_dir=data, catalog=catalog, conn=conn, ask_ratings=False
    )
    shell = Shell(catalog.routines, services)
    shell.refresh_last_done()
    return Stage(app, data, settings, catalog, conn, shell)


def _generate_history(db: Path) -> None:
    """scripts/gen_history.py, ending yesterday: "today" would put sessions in the future."""
    sys.path.insert(0, str(SCRIPTS))
    import gen_history

    end = date.today() - timedelta(days=1)
    code = gen_history.main(
        ["--days", str(HISTORY_DAYS), "--db", str(db), "--end", end.isoformat(), "--seed", "1"]
    )
    if code != 0:
        raise RuntimeError(f"gen_history.py failed with exit code {code}")


def _add_other_routines(conn: sqlite3.Connection) -> None:
    for routine_id, days_ago in ALSO_DONE:
        day = date.today() - timedelta(days=days_ago)
        started = datetime.combine(day, time(7, 30), tzinfo=UTC)
        session_id = insert_session(
            conn,
            routine_id=routine_id,
            routine_name=routine_id,
            started_at=to_iso(started),
            local_date=day.isoformat(),
            utc_offset_min=0,
            planned_sets=0,
            plan_json=json.dumps({}),
        )
        end_session(conn, session_id, to_iso(started + timedelta(minutes=20)), Status.COMPLETED)
