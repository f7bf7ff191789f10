"""The shipped AppStream metainfo and .desktop file: valid, and as complete as a Flathub app's
(developer, URLs, the README's screenshots, release notes for this version, branding, controls,
display length, content rating), agreeing with pyproject.toml and the README."""

from __future__ import annotations

import re
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

from ptcoach import __version__
from ptcoach.desktop_install import APP_ID

ROOT = Path(__file__).resolve().parents[1]
META = ROOT / "resources" / "desktop" / f"{APP_ID}.metainfo.xml"
DESKTOP = ROOT / "resources" / "desktop" / f"{APP_ID}.desktop"
RAW = "https://raw.githubusercontent.com/ptcoach/ptcoach/main/"


def component() -> ET.Element:
    return ET.parse(META).getroot()


def test_appstreamcli_validates_the_metainfo_with_no_warning_or_error() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--pedantic", str(META)],
        capture_output=True,
        text=True,
    )
    out = result.stdout + result.stderr
    assert result.returncode == 0, out
    issues = [line for line in out.splitlines() if re.match(r"^[EWIP]: ", line)]
    # Only the app id's capitals (the id is fixed) and <developer>, which appstream 1.0 added
    # and Debian 12's 0.16 does not know yet (<developer_name> is there for it).
    allowed = ("cid-contains-uppercase-letter", "unknown-tag developer")
    assert all(any(a in line for a in allowed) for line in issues), out


def test_the_metainfo_has_what_flathub_asks_for() -> None:
    c = component()
    assert c.findtext("id") == APP_ID
    assert c.find("launchable").text == f"{APP_ID}.desktop"
    assert c.find("developer").get("id") and c.findtext("developer/name")
    urls = {u.get("type"): u.text for u in c.findall("url")}
    assert {"homepage", "bugtracker", "vcs-browser"} <= set(urls)
    colours = {col.get("scheme_preference"): col.text for col in c.findall("branding/color")}
    assert set(colours) == {"light", "dark"}
    assert all(re.fullmatch(r"#[0-9a-f]{6}", v) for v in colours.values())
    assert {x.text for x in c.findall("supports/control")} == {"keyboard", "pointing"}
    length = c.find("requires/display_length")
    assert length is not None and length.get("compare") == "ge" and int(length.text) <= 768
    assert c.find("content_rating").get("type") == "oars-1.1"
    categories = {x.text for x in c.findall("categories/category")}
    assert "Sports" in categories and categories & {"Education", "MedicalSoftware"}


def test_every_release_has_notes_and_the_newest_is_this_version() -> None:
    releases = component().findall("releases/release")
    assert releases[0].get("version") == __version__
    for release in releases:
        assert release.get("date") and release.find("description/p") is not None


def test_the_screenshots_are_the_readmes_with_captions() -> None:
    readme = (ROOT / "README.md").read_text()
    in_readme = re.findall(r"\]\((docs/screenshots/[\w.-]+\.png)\)", readme)
    shots = component().findall("screenshots/screenshot")
    images = [s.findtext("image") for s in shots]
    assert sorted(images) == sorted(RAW + p for p in in_readme)
    assert images[0] == RAW + in_readme[0]  # the README's first is the default
    assert shots[0].get("type") == "default"
    assert all(s.findtext("caption") for s in shots)
    assert all((ROOT / p).is_file() for p in in_readme)


def test_the_urls_agree_with_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    urls = {u.get("type"): u.text for u in component().findall("url")}
    assert project["urls"]["Homepage"] == urls["homepage"]
    assert project["urls"]["Issues"] == urls["bugtracker"]
    assert project["license"] == component().findtext("project_license") == "MIT"


def test_the_desktop_file_validates_without_hints_and_is_named_by_the_app_id() -> None:
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.stdout + result.stderr == ""
    text = DESKTOP.read_text()
    assert f"\nIcon={APP_ID}\n" in text
