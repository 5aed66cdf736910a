#!/usr/bin/env python3
"""Prints each failed test of the .trx files under a folder with the start of its message and stack."""
import pathlib
import sys
import xml.etree.ElementTree as ET

ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
failed = []
for trx in pathlib.Path(sys.argv[1]).rglob("*.trx"):
    for result in ET.parse(trx).getroot().iterfind(".//t:UnitTestResult", ns):
        if result.get("outcome") != "Failed":
            continue
        message = result.findtext(".//t:Message", default="", namespaces=ns).strip()
        stack = result.findtext(".//t:StackTrace", default="", namespaces=ns).strip()
        failed.append((result.get("testName"), message[:1500], "\n".join(stack.splitlines()[:8])))
print(f"\n===== {len(failed)} failed test(s) =====")
for name, message, stack in failed:
    print(f"\nFAILED {name}\n{message}\n{stack}")
