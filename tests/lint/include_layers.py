#!/usr/bin/env python3
"""Each layer of app/ includes only what it may.

The build enforces most of it (each layer has its own include root, so
core cannot name a ui header); this catches what include roots cannot:
a relative include that climbs out of its folder, and system headers of
the window system or ImGui in a layer that must not use them.

    core/      no ImGui, GL, GLFW, glad
    cli/       no ImGui, GL, GLFW, glad (carekiosk links none of them)
    ui/        no GLFW (the window is the platform's)
    kiosk/     no GLFW, no glad (it reaches the window through KioskPlatform)

Usage: include_layers.py [APP_DIR]     exit 1 and one line per violation
       include_layers.py --self-test   shows each rule catches its case
"""
import os
import re
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
WINDOW = ("GLFW/", "glad/", "GL/", "backends/imgui_impl")
IMGUI = ("imgui.h", "imgui_internal.h", "misc/freetype/")
FORBIDDEN = {
    "core": WINDOW + IMGUI,
    "cli": WINDOW + IMGUI,
    "ui": ("GLFW/", "backends/imgui_impl_glfw"),
    "kiosk": ("GLFW/", "glad/", "GL/", "backends/imgui_impl"),
}


def violations(app_dir):
    found = []
    for root, _, files in os.walk(app_dir):
        for name in sorted(files):
            if not name.endswith((".h", ".cpp")):
                continue
            path = os.path.join(root, name)
            layer = os.path.relpath(path, app_dir).split(os.sep)[0]
            with open(path, encoding="utf-8") as f:
                for number, line in enumerate(f, 1):
                    m = INCLUDE.match(line)
                    if not m:
                        continue
                    target = m.group(2)
                    where = "%s:%d" % (path, number)
                    if m.group(1) == '"' and ".." in target.split("/"):
                        found.append("%s: relative include '%s' climbs out of its folder" % (where, target))
                    for prefix in FORBIDDEN.get(layer, ()):
                        if target.startswith(prefix):
                            found.append("%s: %s/ may not include <%s>" % (where, layer, target))
    return found


def self_test():
    cases = {
        "core/a/x.cpp": '#include "../../ui/widgets/theme.h"\n',
        "core/b/y.cpp": "#include <imgui.h>\n",
        "cli/z.cpp": "#include <GLFW/glfw3.h>\n",
        "kiosk/k.cpp": "#include <glad/gl.h>\n",
        "ui/u.cpp": "#include <GLFW/glfw3.h>\n",
    }
    ok = True
    for rel, text in cases.items():
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, rel)
            os.makedirs(os.path.dirname(path))
            with open(path, "w") as f:
                f.write(text)
            caught = violations(tmp)
            print(("caught: " if caught else "MISSED: ") + rel + " " + text.strip())
            ok = ok and bool(caught)
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "kiosk"))
        with open(os.path.join(tmp, "kiosk", "fine.cpp"), "w") as f:
            f.write('#include <imgui.h>\n#include "content/content.h"\n')
        clean = not violations(tmp)
        print(("clean: " if clean else "FALSE ALARM: ") + "kiosk/ including imgui.h and a core header")
        ok = ok and clean
    return ok


def main():
    if sys.argv[1:] == ["--self-test"]:
        sys.exit(0 if self_test() else 1)
    app_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "app")
    found = violations(app_dir)
    for line in found:
        print(line)
    print("%d include(s) outside their layer's rules" % len(found))
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
