#!/usr/bin/python3
"""Reads one application's accessibility tree as a screen reader does, over AT-SPI.

Usage: atspi_dump.py APP_NAME [--wait SECONDS]

Prints one JSON document on stdout: {"app": name, "nodes": [...]}, each node with its
role, name, description, states, actions, depth and its text when it has some. Waits up
to --wait seconds for the application to appear on the accessibility bus; exits 3 when it
never does, 2 when pyatspi is missing. Needs Debian's python3-pyatspi, so run it with
/usr/bin/python3.
"""

import json
import sys
import time

try:
    import pyatspi
except ImportError as e:  # the test says why it skipped
    print(f"python3-pyatspi is missing: {e}", file=sys.stderr)
    sys.exit(2)

# A tree the size of one view; a guard against a runaway walk, not a limit in practice.
MAX_NODES = 20000


def find_app(name, wait):
    deadline = time.monotonic() + wait
    seen = []
    while True:
        desktop = pyatspi.Registry.getDesktop(0)
        seen = []
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is None:
                continue
            seen.append(app.name)
            if app.name == name and app.childCount > 0:
                return app
        if time.monotonic() > deadline:
            print(f"{name!r} never appeared on the accessibility bus; seen: {seen}", file=sys.stderr)
            sys.exit(3)
        time.sleep(0.2)


def states_of(node):
    states = node.getState()
    return sorted(pyatspi.stateToString(s) for s in states.getStates())


def actions_of(node):
    try:
        action = node.queryAction()
    except NotImplementedError:
        return []
    return [action.getName(i) for i in range(action.nActions)]


def text_of(node):
    try:
        text = node.queryText()
    except NotImplementedError:
        return None
    return text.getText(0, text.characterCount)


def walk(app):
    nodes = []
    stack = [(app, 0)]
    while stack and len(nodes) < MAX_NODES:
        node, depth = stack.pop()
        if node is None:
            continue
        nodes.append(
            {
                "role": node.getRoleName(),
                "name": node.name or "",
                "description": node.description or "",
                "states": states_of(node),
                "actions": actions_of(node),
                "text": text_of(node),
                "depth": depth,
            }
        )
        children = [node.getChildAtIndex(i) for i in range(node.childCount)]
        stack.extend((child, depth + 1) for child in reversed(children))
    return nodes


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__, file=sys.stderr)
        sys.exit(64)
    name = args[0]
    wait = 10.0
    if "--wait" in args:
        wait = float(args[args.index("--wait") + 1])
    app = find_app(name, wait)
    json.dump({"app": app.name, "nodes": walk(app)}, sys.stdout, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
