#!/usr/bin/env python3
"""Prints each failed test of the .trx files under a folder: its message, the page it failed on and the start of its stack.

A failed Playwright expectation carries an aria snapshot of the whole page ("Aria snapshot:" then YAML). Its banner and
navigation drawer are the same on every page and fill a CI log's tail, so only the snapshot's `main` region is printed:
the form, its field messages and alerts, which is what says why a save did not go through. The names of the failed
tests come again at the very end, for a log of which only the tail is shown.
"""
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
MESSAGE_LIMIT = 3000
MAIN_LIMIT = 150  # lines of the page's main region
CHROME = ("banner", "navigation", "complementary", "contentinfo")


def indent(line):
    return len(line) - len(line.lstrip(" "))


def subtree(lines, start):
    """The line at start and the lines below it indented deeper (its children in the YAML)."""
    own = indent(lines[start])
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or indent(lines[end]) > own):
        end += 1
    return lines[start:end]


def main_region(snapshot):
    """The snapshot's `- main` subtrees; without one, the snapshot with the banner and drawers left out."""
    lines = snapshot.splitlines()
    found = []
    for i, line in enumerate(lines):
        if re.match(r"\s*- main\b", line):
            found.extend(subtree(lines, i))
    if found:
        return found
    kept, i = [], 0
    while i < len(lines):
        if re.match(r"\s*- (%s)\b" % "|".join(CHROME), lines[i]):
            i += len(subtree(lines, i))
            continue
        kept.append(lines[i])
        i += 1
    return kept


def describe(message):
    """The message without the page snapshot, then the page's main region."""
    parts = re.split(r"^\s*Aria snapshot:\s*$", message, maxsplit=1, flags=re.MULTILINE | re.IGNORECASE)
    text = parts[0].strip()
    if len(text) > MESSAGE_LIMIT:
        text = text[:MESSAGE_LIMIT] + f"\n[... {len(parts[0]) - MESSAGE_LIMIT} more characters of the message]"
    if len(parts) == 1:
        return text
    # The expectation's call log can follow the snapshot; it starts at a line that is not YAML.
    snapshot, after = [], []
    for line in parts[1].splitlines():
        (after if after or (line.strip() and not line.lstrip().startswith(("-", "/")) and indent(line) == 0) else snapshot).append(line)
    region = main_region("\n".join(snapshot))
    if len(region) > MAIN_LIMIT:
        region = region[:MAIN_LIMIT] + [f"[... {len(region) - MAIN_LIMIT} more lines]"]
    out = [text, "", "Page (main region of the aria snapshot):", *region]
    if after:
        out += ["", *after[:20]]
    return "\n".join(out)


def main(folder):
    failed = []
    for trx in sorted(pathlib.Path(folder).rglob("*.trx")):
        for result in ET.parse(trx).getroot().iterfind(".//t:UnitTestResult", NS):
            if result.get("outcome") != "Failed":
                continue
            message = result.findtext(".//t:Message", default="", namespaces=NS).strip()
            stack = result.findtext(".//t:StackTrace", default="", namespaces=NS).strip()
            failed.append((result.get("testName"), describe(message), "\n".join(stack.splitlines()[:8])))
    print(f"\n===== {len(failed)} failed test(s) =====")
    for name, message, stack in failed:
        print(f"\nFAILED {name}\n{message}\n{stack}")
    if failed:
        print(f"\n===== failed: {len(failed)} =====")
        for name, _, _ in failed:
            print(f"  {name}")


if __name__ == "__main__":
    main(sys.argv[1])
