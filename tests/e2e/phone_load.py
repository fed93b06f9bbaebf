#!/usr/bin/env python3
"""Simulated phones for the end-to-end tests: each one does what the phone page does over HTTP.

Every phone has a loopback address of its own (127.0.1.N, as phones on a venue's Wi-Fi have), starts a session
(POST /api/session, the HttpOnly cookie kept), then votes for one idea and takes the vote back, again and again,
as fast as the server answers, on one keep-alive connection. A 429 is a limit doing its work: the phone waits a
moment, as the page does, and tries again. It runs until STOP_FILE appears (and at least --min-seconds), or
--max-seconds, and writes what happened as JSON: the answers it counted are what the database must hold.

  phone_load.py URL --phones 100 --ideas 1,2,4 --ready READY_FILE --stop STOP_FILE --out RESULT.json
"""
import argparse
import http.client
import json
import os
import threading
import time
import urllib.parse


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--phones", type=int, default=100)
    parser.add_argument("--ideas", required=True, help="idea numbers to vote for, comma-separated")
    parser.add_argument("--ready", required=True, help="written when every phone has its session")
    parser.add_argument("--stop", required=True, help="the phones stop once this file exists")
    parser.add_argument("--out", required=True)
    parser.add_argument("--min-seconds", type=float, default=10)
    parser.add_argument("--max-seconds", type=float, default=60)
    return parser.parse_args()


class Phone:
    def __init__(self, number, url, idea):
        parsed = urllib.parse.urlsplit(url)
        self.host, self.port = parsed.hostname, parsed.port
        self.origin = f"{parsed.scheme}://{parsed.netloc}"
        self.source = f"127.0.1.{number + 1}"
        self.idea = idea
        self.cookie = ""
        self.connection = None
        self.statuses = {}  # "vote 200", "retract 429", … → count
        self.errors = []
        self.latencies = []

    def post(self, path, body):
        if self.connection is None:
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=15,
                                                         source_address=(self.source, 0))
        headers = {"Origin": self.origin, "Content-Type": "application/json"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        try:
            self.connection.request("POST", path, json.dumps(body), headers)
            response = self.connection.getresponse()
            response.read()
            return response
        except (OSError, http.client.HTTPException) as e:
            self.connection.close()
            self.connection = None
            raise e

    def start(self):
        response = self.post("/api/session", {"language": "en"})
        if response.status != 201:
            raise RuntimeError(f"phone {self.source}: session answered {response.status}")
        cookie = response.getheader("Set-Cookie", "")
        self.cookie = cookie.split(";")[0]
        if not self.cookie.startswith("ik_session="):
            raise RuntimeError(f"phone {self.source}: no session cookie in '{cookie}'")

    def vote_until(self, stopping):
        cast = True
        while not stopping.is_set():
            kind = "vote" if cast else "retract"
            began = time.monotonic()
            try:
                response = self.post("/api/" + kind, {"idea": self.idea})
            except (OSError, http.client.HTTPException) as e:
                # Whether it was stored is unknown: an error, and the count below could not be exact.
                self.errors.append(f"{self.source} {kind}: {e!r}")
                if len(self.errors) > 3:
                    return
                continue
            self.latencies.append(time.monotonic() - began)
            key = f"{kind} {response.status}"
            self.statuses[key] = self.statuses.get(key, 0) + 1
            if response.status == 200:
                cast = not cast
            elif response.status == 429:
                time.sleep(0.2)
            else:
                self.errors.append(f"{self.source} {kind}: answered {response.status}")
                if len(self.errors) > 3:
                    return


def main():
    args = parse_args()
    ideas = [int(n) for n in args.ideas.split(",")]
    phones = [Phone(i, args.url, ideas[i % len(ideas)]) for i in range(args.phones)]
    problems = []

    def start(phone):
        try:
            phone.start()
        except Exception as e:  # reported in the result, the test fails on it
            problems.append(str(e))

    starters = [threading.Thread(target=start, args=(p,)) for p in phones]
    for t in starters:
        t.start()
    for t in starters:
        t.join()
    stopping = threading.Event()
    voters = [threading.Thread(target=p.vote_until, args=(stopping,)) for p in phones if p.cookie]
    began = time.time()
    for t in voters:
        t.start()
    with open(args.ready, "w") as ready:
        ready.write(f"{began}\n")
    while time.time() - began < args.max_seconds:
        if time.time() - began >= args.min_seconds and os.path.exists(args.stop):
            break
        time.sleep(0.05)
    stopping.set()
    for t in voters:
        t.join()
    ended = time.time()
    statuses = {}
    for p in phones:
        for key, count in p.statuses.items():
            statuses[key] = statuses.get(key, 0) + count
    latencies = sorted(x for p in phones for x in p.latencies)
    pick = lambda q: round(latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000, 1) if latencies else None
    result = {
        "sessions": sum(1 for p in phones if p.cookie),
        "began": began, "ended": ended, "statuses": statuses,
        "errors": problems + [e for p in phones for e in p.errors],
        "requests": len(latencies), "p50_ms": pick(0.5), "p99_ms": pick(0.99),
    }
    with open(args.out, "w") as out:
        json.dump(result, out)


if __name__ == "__main__":
    main()
