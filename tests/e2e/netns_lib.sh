#!/usr/bin/env bash
# A kiosk behind a network link of its own: a network namespace joined to the host by a veth pair, so a test can
# drop the link silently (link down, or a blackhole route) the way a venue's network fails. A userspace proxy
# cannot do that (its kernel still acknowledges). Needs root (CAP_NET_ADMIN) and iproute2. Sourced after pg_lib.sh.
NETNS=""
NETNS_HOST_IF=""
NETNS_HOST_IP=""
NETNS_KIOSK_IP=""
NETNS_WHY=""

# netns_setup: the namespace with the kiosk's end of the link (NETNS_KIOSK_IP), the host's end NETNS_HOST_IP;
# returns 1 with NETNS_WHY set when this machine cannot make them.
netns_setup() {
  command -v ip >/dev/null || { NETNS_WHY="no 'ip' command (apt-get install iproute2)"; return 1; }
  [ "$(id -u)" = 0 ] || { NETNS_WHY="network namespaces need root (CAP_NET_ADMIN)"; return 1; }
  local subnet=$(($$ % 250 + 1)) kiosk_if="ikk$$" err="${WORK:-/tmp}/netns.err"
  NETNS="ideen-$$"
  NETNS_HOST_IF="ikh$$"
  NETNS_HOST_IP="10.213.$subnet.1"
  NETNS_KIOSK_IP="10.213.$subnet.2"
  if ! ip netns add "$NETNS" 2>"$err"; then
    NETNS_WHY="cannot create a network namespace: $(head -n 1 "$err")"
    NETNS=""
    return 1
  fi
  if ! { ip link add "$NETNS_HOST_IF" type veth peer name "$kiosk_if" netns "$NETNS" &&
         ip addr add "$NETNS_HOST_IP/30" dev "$NETNS_HOST_IF" && ip link set "$NETNS_HOST_IF" up &&
         ip -n "$NETNS" addr add "$NETNS_KIOSK_IP/30" dev "$kiosk_if" && ip -n "$NETNS" link set "$kiosk_if" up &&
         ip -n "$NETNS" link set lo up; } 2>"$err"; then
    NETNS_WHY="cannot make a veth link into the namespace: $(head -n 1 "$err")"
    netns_teardown
    return 1
  fi
}

netns_teardown() {
  [ -n "$NETNS" ] || return 0
  ip link del "$NETNS_HOST_IF" 2>/dev/null
  ip netns del "$NETNS" 2>/dev/null
  NETNS=""
}

# in_netns COMMAND…: runs it in the namespace (for the foreground: in the background $! would be the shell's).
in_netns() { ip netns exec "$NETNS" "$@"; }
# The two ways the issue names a silent drop: the host's end of the link goes down, or the kiosk's route to the
# server leads into a blackhole. Either way no packet and no error reaches the kiosk; only its keepalives tell.
link_down() { ip link set "$NETNS_HOST_IF" down; }
link_up() { ip link set "$NETNS_HOST_IF" up; }
blackhole_on() { ip -n "$NETNS" route add blackhole "$NETNS_HOST_IP/32"; }
blackhole_off() { ip -n "$NETNS" route del blackhole "$NETNS_HOST_IP/32"; }
