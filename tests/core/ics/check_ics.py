#!/usr/bin/python3
"""Checks every .ics file that the Rust tests wrote, with Python's own iCalendar stack.

Usage:  /usr/bin/python3 tests/core/ics/check_ics.py DIR   (tests/core/desktop.rs runs it on
        the files it writes; RAPPORT_ICS_OUT=DIR cargo test --lib desktop::calendar writes more)

Needs the standard library plus `icalendar` and `recurring_ical_events` (Debian:
python3-icalendar, python3-recurring-ical-events; PyPI: icalendar, recurring-ical-events).
The reference for time zones is the standard library's `zoneinfo` (the system tzdata), which is
independent of both chrono-tz (which wrote the file) and pytz (which `icalendar` uses).

For each NAME.ics, with its NAME.expect.json ({"tz": ..., "occurrences": [[local, utc], ...]}):
- framing: CRLF only, every physical line at most 75 octets and valid UTF-8 on its own;
- VCALENDAR header (VERSION, PRODID, CALSCALE, METHOD:PUBLISH) and the VEVENT's UID, DTSTAMP
  (UTC), SEQUENCE:0, STATUS:CONFIRMED, and that an RRULE's UNTIL is UTC, not before the last
  expected occurrence (it is the end of the stop date; the expansion below shows no extra one);
- every VTIMEZONE observance against zoneinfo: the offset just before its onset is TZOFFSETFROM
  and at the onset TZOFFSETTO, and every zoneinfo transition in the covered years is listed;
- the recurrence, expanded by recurring_ical_events: the occurrences' local wall-clock times
  and UTC instants equal the expected ones, all at DTSTART's time of day, all the same length;
- each occurrence converted to UTC through the file's own VTIMEZONE (icalendar's to_tz())
  lands on the expected instant, i.e. a reader that knows nothing of the IANA zone agrees.
Exits 1 on the first failing file's problems (all are listed), 0 when every file passes.
"""

import json
import sys
from datetime import datetime, timedelta, timezone
from importlib.metadata import version
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytz
import recurring_ical_events

UTC = timezone.utc


def framing(raw: bytes, problems: list) -> None:
    if not raw.endswith(b"\r\n"):
        problems.append("does not end with CRLF")
    for i, b in enumerate(raw):
        if b == 0x0A and (i == 0 or raw[i - 1] != 0x0D):
            problems.append(f"bare LF at byte {i}")
            break
        if b == 0x0D and raw[i + 1 : i + 2] != b"\n":
            problems.append(f"bare CR at byte {i}")
            break
    for n, line in enumerate(raw[:-2].split(b"\r\n"), 1):
        if len(line) > 75:
            problems.append(f"line {n} has {len(line)} octets")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {n} splits a UTF-8 character")


def transitions(zone: ZoneInfo, start: datetime, end: datetime) -> list:
    """zoneinfo's offset changes in [start, end), found hourly then to the second."""
    found = []
    t = start
    off = t.astimezone(zone).utcoffset()
    while t < end:
        n = min(t + timedelta(hours=1), end)
        if n.astimezone(zone).utcoffset() != off:
            lo, hi = t, n
            while hi - lo > timedelta(seconds=1):
                mid = lo + (hi - lo) / 2
                mid = mid.replace(microsecond=0)
                if mid.astimezone(zone).utcoffset() == off:
                    lo = mid
                else:
                    hi = mid
            found.append(hi)
            off = hi.astimezone(zone).utcoffset()
            t = hi
        else:
            t = n
    return found


def check_vtimezone(vtz, zone: ZoneInfo, years: range, problems: list) -> None:
    observances = [c for c in vtz.subcomponents if c.name in ("STANDARD", "DAYLIGHT")]
    if not observances:
        problems.append("VTIMEZONE has no observance")
        return
    onsets = []
    for c in observances:
        local = c["DTSTART"].dt
        off_from = c["TZOFFSETFROM"].td
        off_to = c["TZOFFSETTO"].td
        onset = (local - off_from).replace(tzinfo=UTC)
        onsets.append(onset)
        before = (onset - timedelta(seconds=1)).astimezone(zone).utcoffset()
        at = onset.astimezone(zone).utcoffset()
        if off_from == off_to:
            # An "always" observance: the offset then and through the covered years.
            if at != off_to:
                problems.append(f"{c.name} {local}: zoneinfo says {at}, file says {off_to}")
        elif (before, at) != (off_from, off_to):
            problems.append(
                f"{c.name} {local}: zoneinfo {before}->{at}, file {off_from}->{off_to}"
            )
        dst = onset.astimezone(zone).dst()
        if c.name == "DAYLIGHT" and not dst:
            problems.append(f"DAYLIGHT {local} but zoneinfo has no DST then")
    start = datetime(years.start, 1, 1, tzinfo=zone).astimezone(UTC)
    end = datetime(years.stop, 1, 1, tzinfo=zone).astimezone(UTC)
    missing = [t for t in transitions(zone, start, end) if t not in onsets]
    if missing:
        problems.append(f"transitions missing from VTIMEZONE: {missing}")
    first = min(onsets)
    if first > start:
        problems.append(f"VTIMEZONE starts at {first}, after the covered years begin")


def check_file(path: Path) -> list:
    problems: list = []
    raw = path.read_bytes()
    framing(raw, problems)
    expect = json.loads(path.with_suffix(".expect.json").read_text())
    zone = ZoneInfo(expect["tz"])
    want = [
        (datetime.fromisoformat(l), datetime.fromisoformat(u.replace("Z", "+00:00")))
        for l, u in expect["occurrences"]
    ]

    cal = icalendar.Calendar.from_ical(raw)
    for key, value in [
        ("VERSION", "2.0"),
        ("PRODID", "-//Rapport//Rapport 0.1//EN"),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
    ]:
        if str(cal.get(key)) != value:
            problems.append(f"{key} is {cal.get(key)!r}")
    events = cal.walk("VEVENT")
    if len(events) != 1:
        return problems + [f"{len(events)} VEVENTs"]
    ev = events[0]
    if not str(ev["UID"]).endswith("@rapport.app"):
        problems.append(f"UID {ev['UID']}")
    if ev["DTSTAMP"].dt.utcoffset() != timedelta(0):
        problems.append("DTSTAMP is not UTC")
    if int(ev["SEQUENCE"]) != 0 or str(ev["STATUS"]) != "CONFIRMED":
        problems.append("SEQUENCE/STATUS")
    if "RRULE" in ev:
        until = ev["RRULE"]["UNTIL"][0]
        if until.utcoffset() != timedelta(0):
            problems.append(f"UNTIL is not UTC: {until}")
        elif until < want[-1][1]:
            problems.append(f"UNTIL {until} is before the last occurrence {want[-1][1]}")

    tzids = {
        p.params.get("TZID") for p in (ev.get("DTSTART"), ev.get("DTEND")) if p is not None
    } - {None}
    vtzs = {str(v["TZID"]): v for v in cal.walk("VTIMEZONE")}
    for tzid in tzids:
        if tzid not in vtzs:
            problems.append(f"no VTIMEZONE for TZID {tzid}")
    if tzids - {expect["tz"]}:
        problems.append(f"TZIDs {tzids}, expected {expect['tz']}")

    # The recurrence as a Python calendar consumer sees it.
    window_start = want[0][1] - timedelta(days=2)
    window_end = want[-1][1] + timedelta(days=400)
    got = []
    lengths = set()
    for occ in recurring_ical_events.of(cal).between(window_start, window_end):
        start = occ["DTSTART"].dt
        end = occ["DTEND"].dt
        lengths.add(end - start)
        got.append((start.astimezone(zone).replace(tzinfo=None), start.astimezone(UTC)))
    got.sort(key=lambda x: x[1])
    if got != want:
        problems.append(f"occurrences {[(str(l), str(u)) for l, u in got]} != expected")
    if len({l.time() for l, _ in got}) > 1:
        problems.append("occurrences change their local time of day")
    if len(lengths) > 1:
        problems.append(f"occurrences differ in length: {lengths}")

    for tzid, vtz in vtzs.items():
        years = range(min(l.year for l, _ in want), max(l.year for l, _ in want) + 1)
        check_vtimezone(vtz, ZoneInfo(tzid), years, problems)
        # A reader that only has the file's VTIMEZONE: the local times map to the same instants.
        own = vtz.to_tz()
        for local, instant in want:
            try:
                passes = [own.localize(local, is_dst=None)]
            except pytz.exceptions.AmbiguousTimeError:
                # A repeated hour: the file writes the second pass in UTC, so either is fine.
                passes = [own.localize(local, is_dst=d) for d in (True, False)]
            if instant not in [p.astimezone(UTC) for p in passes]:
                problems.append(f"via the file's VTIMEZONE {local} -> {passes}, want {instant}")
    return problems


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "test-output")
    files = sorted(folder.glob("*.ics"))
    if not files:
        print(f"no .ics files in {folder}", file=sys.stderr)
        return 2
    failed = 0
    occurrences = 0
    for f in files:
        problems = check_file(f)
        n = len(json.loads(f.with_suffix(".expect.json").read_text())["occurrences"])
        occurrences += n
        if problems:
            failed += 1
            print(f"FAIL {f.name}")
            for p in problems:
                print(f"  - {p}")
        else:
            print(f"ok   {f.name} ({n} occurrence{'s' if n != 1 else ''})")
    print(
        f"icalendar {version('icalendar')}, recurring_ical_events "
        f"{version('recurring_ical_events')}; {occurrences} occurrences checked"
    )
    print(f"{len(files) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
