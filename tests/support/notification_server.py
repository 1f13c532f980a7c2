#!/usr/bin/python3
"""A minimal freedesktop notification server for the tests: owns
org.freedesktop.Notifications on the session bus it is given, writes every Notify call
as one JSON line to the file named by its first argument, and, with --click, activates
each notification that offers a default action 300 ms after it arrived (as a recruiter
clicking it would)."""
import json
import sys

import dbus
import dbus.mainloop.glib
import dbus.service
from gi.repository import GLib

IFACE = "org.freedesktop.Notifications"


class Server(dbus.service.Object):
    def __init__(self, bus, log, click):
        super().__init__(bus, "/org/freedesktop/Notifications")
        self.log = log
        self.click = click
        self.next_id = 1

    @dbus.service.method(IFACE, in_signature="susssasa{sv}i", out_signature="u")
    def Notify(self, app, replaces, icon, summary, body, actions, hints, timeout):
        nid = self.next_id
        self.next_id += 1
        record = {
            "id": nid,
            "app": str(app),
            "icon": str(icon),
            "summary": str(summary),
            "body": str(body),
            "actions": [str(a) for a in actions],
            "hints": sorted(str(k) for k in hints.keys()),
        }
        self.log.write(json.dumps(record) + "\n")
        self.log.flush()
        if self.click and "default" in actions:
            GLib.timeout_add(300, self.activate, nid)
        return dbus.UInt32(nid)

    def activate(self, nid):
        self.ActionInvoked(dbus.UInt32(nid), "default")
        self.NotificationClosed(dbus.UInt32(nid), dbus.UInt32(2))
        return False

    @dbus.service.method(IFACE, out_signature="as")
    def GetCapabilities(self):
        return ["body", "actions", "body-markup"]

    @dbus.service.method(IFACE, out_signature="ssss")
    def GetServerInformation(self):
        return ("rickrut-test-notifications", "rickrut", "1", "1.2")

    @dbus.service.method(IFACE, in_signature="u")
    def CloseNotification(self, nid):
        self.NotificationClosed(nid, dbus.UInt32(3))

    @dbus.service.signal(IFACE, signature="us")
    def ActionInvoked(self, nid, action):
        pass

    @dbus.service.signal(IFACE, signature="uu")
    def NotificationClosed(self, nid, reason):
        pass


def main():
    dbus.mainloop.glib.DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    name = dbus.service.BusName(IFACE, bus, do_not_queue=True)
    log = open(sys.argv[1], "a", encoding="utf-8")
    Server(bus, log, "--click" in sys.argv)
    print("ready", flush=True)
    GLib.MainLoop().run()
    del name


if __name__ == "__main__":
    main()
