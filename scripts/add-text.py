#!/usr/bin/env python3
"""Adds (or updates) one text in a resource pair: X.resx (English) and X.da.resx (Danish).

    python3 scripts/add-text.py src/Web/Features/CareTeam/CareTeamSection "Add member" "Tilføj medlem"
    python3 scripts/add-text.py src/Web/Features/CareTeam/CareTeamSection "Add member" "Tilføj medlem" "Add member to the team"

The key is the English text (third argument optional: an English value that differs from the key, rarely needed).
The first argument is the resource path without extension, next to the component or class whose localizer reads it.
Creates the files if they do not exist yet.
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype">
    <value>text/microsoft-resx</value>
  </resheader>
  <resheader name="version">
    <value>2.0</value>
  </resheader>
  <resheader name="reader">
    <value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
  <resheader name="writer">
    <value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
</root>
"""
XML_NS = "{http://www.w3.org/XML/1998/namespace}space"


def upsert(path: Path, key: str, value: str) -> None:
    if not path.exists():
        path.write_text(HEADER, encoding="utf-8")
    tree = ET.parse(path)
    root = tree.getroot()
    for data in root.findall("data"):
        if data.get("name") == key:
            data.find("value").text = value
            break
    else:
        data = ET.SubElement(root, "data", {"name": key, XML_NS: "preserve"})
        ET.SubElement(data, "value").text = value
    ET.indent(tree, space="  ")
    text = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n' + text + "\n", encoding="utf-8")


def main() -> None:
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    stem, key, danish = sys.argv[1], sys.argv[2], sys.argv[3]
    english = sys.argv[4] if len(sys.argv) == 5 else key
    stem = stem.removesuffix(".resx").removesuffix(".razor").removesuffix(".cs")
    upsert(Path(stem + ".resx"), key, english)
    upsert(Path(stem + ".da.resx"), key, danish)


if __name__ == "__main__":
    main()
