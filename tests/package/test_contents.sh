#!/usr/bin/env bash
# The package's files, control fields and maintainer scripts (dpkg-deb -c/-I/-e), and lintian without errors.
source "$(dirname "$0")/lib.sh"
the_package

dpkg-deb -c "$DEB" | awk '{print $6}' | sed 's|^\./|/|' >"$WORK/files"
for file in /usr/bin/ideenkiosk /usr/share/ideenkiosk/i18n/de.toml /usr/share/ideenkiosk/i18n/tr.toml \
  /usr/share/ideenkiosk/i18n/en.toml /usr/share/ideenkiosk/wordlists/de.txt /usr/share/ideenkiosk/event.example.toml \
  /usr/share/man/man1/ideenkiosk.1.gz /usr/lib/systemd/system/ideenkiosk-kiosk.service \
  /usr/lib/systemd/system/ideenkiosk-projector.service /usr/lib/systemd/system/ideenkiosk-backup.timer \
  /usr/lib/systemd/system/ideenkiosk-backup.service /usr/lib/udev/rules.d/90-ideenkiosk-usb.rules \
  /etc/ideenkiosk/kiosk.toml /usr/share/doc/ideenkiosk/copyright /usr/share/doc/ideenkiosk/changelog.gz; do
  grep -qx "$file" "$WORK/files" && pass || fail "the package holds $file"
done
# Fonts come from Debian's font packages, not from a copy in ours.
grep -Eq '\.(ttf|otf)$' "$WORK/files" && fail "the package copies font files: $(grep -E '\.(ttf|otf)$' "$WORK/files")" || pass

dpkg-deb -f "$DEB" Depends >"$WORK/depends"
for dep in libc6 libglfw3 libsqlite3-0 libsystemd0 libsodium23 fonts-noto-core fonts-font-awesome cage xwayland seatd adduser; do
  grep -Eq "(^|, )$dep( |,|$)" "$WORK/depends" && pass || fail "Depends names $dep: $(cat "$WORK/depends")"
done
[ "$(dpkg-deb -f "$DEB" Package)" = ideenkiosk ] && pass || fail "Package field"

dpkg-deb -e "$DEB" "$WORK/control"
for script in postinst prerm postrm; do
  [ -x "$WORK/control/$script" ] && sh -n "$WORK/control/$script" && pass || fail "$script is an executable shell script"
done
grep -qx /etc/ideenkiosk/kiosk.toml "$WORK/control/conffiles" && pass || fail "kiosk.toml is a conffile"
grep -q 'adduser --system --group --home /var/lib/ideenkiosk' "$WORK/control/postinst" && pass \
  || fail "postinst creates the system user ideenkiosk"
grep -q 'chown ideenkiosk:ideenkiosk /var/lib/ideenkiosk' "$WORK/control/postinst" && pass \
  || fail "postinst gives /var/lib/ideenkiosk to the user"

# The man page documents the subcommands from the program's own help.
dpkg-deb --fsys-tarfile "$DEB" | tar -xO ./usr/share/man/man1/ideenkiosk.1.gz | zcat >"$WORK/man"
for command in "ideenkiosk run" "ideenkiosk doctor" "ideenkiosk event load" "ideenkiosk backup"; do
  grep -q "^\.SS \"$command\"" "$WORK/man" && pass || fail "the man page has $command"
done
grep -q 'test\\-hang' "$WORK/man" && fail "the man page shows the hidden test options" || pass

# lintian: no errors (warnings are listed for the reader).
if command -v lintian >/dev/null; then
  lintian --tag-display-limit 0 "$DEB" >"$WORK/lintian.log" 2>&1
  grep '^W: ' "$WORK/lintian.log" | sed 's/^/lintian warning (allowed): /'
  if grep -q '^E: ' "$WORK/lintian.log"; then fail "lintian errors: $(grep '^E: ' "$WORK/lintian.log")"; else pass; fi
else
  fail "lintian is not installed (scripts/lib/common.sh installs it)"
fi
finish
