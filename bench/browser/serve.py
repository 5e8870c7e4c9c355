#!/usr/bin/env python3
"""Serves a folder on 127.0.0.1 for bench/browser/run.sh and appends every
paint beacon the site's home page sends ("NAME UNIX_MS" lines) to a file.

usage: serve.py DIR PORT_FILE PAINT_FILE
Listens on a free port and writes its number to PORT_FILE once it listens.
"""
import functools
import http.server
import sys
import urllib.parse


class Handler(http.server.SimpleHTTPRequestHandler):
    paint_file = None

    def do_POST(self):
        url = urllib.parse.urlparse(self.path)
        if url.path == "/paint":
            query = urllib.parse.parse_qs(url.query)
            with open(self.paint_file, "a", encoding="utf-8") as f:
                f.write("%s %s\n" % (query.get("name", ["?"])[0], query.get("unix_ms", ["?"])[0]))
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    folder, port_file, paint_file = sys.argv[1:]
    Handler.paint_file = paint_file
    handler = functools.partial(Handler, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    with open(port_file, "w", encoding="utf-8") as f:
        f.write("%d\n" % server.server_address[1])
    server.serve_forever()


if __name__ == "__main__":
    main()
