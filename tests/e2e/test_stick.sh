#!/usr/bin/env bash
# The organisers' stick may be pulled as soon as the export says where it wrote: an export onto a loop-mounted
# image (a USB stick's file system) is read back from the image file itself, by a tool that does not go through
# the kernel's mount (mtools for FAT, debugfs for ext2), while the image is still mounted. Data the kernel still
# held in memory would be missing there (the test shows that first with a file copied without a sync). Then the
# stick unmounts at once (nothing of the kiosk keeps a file open on it; the package's automount unmounts it after
# 5 idle seconds). Needs root (mount); FAT needs the kernel's vfat, else the same test runs on ext2.
source "$(dirname "$0")/lib.sh"
if ! can_mount; then
  echo "SKIP: mounting an image needs root (and a container that allows it)" >&2
  exit 77
fi
export MTOOLS_SKIP_CHECK=1
IMAGE="$WORK/stick.img"
STICK="$WORK/media/ideenkiosk/sdb1"
mkdir -p "$STICK"
truncate -s 48M "$IMAGE"
if grep -qw vfat /proc/filesystems && command -v mkfs.vfat >/dev/null && command -v mcopy >/dev/null; then
  KIND=vfat
  mkfs.vfat -n KIOSKSTICK "$IMAGE" >/dev/null
  image_has() { mdir -i "$IMAGE" -b "::/$1" >/dev/null 2>&1; }
  image_copy() { mcopy -n -i "$IMAGE" "::/$1" "$2" 2>/dev/null; }
elif grep -qw ext2 /proc/filesystems && command -v debugfs >/dev/null; then
  KIND=ext2
  echo "note: this kernel has no vfat; the stick is an ext2 image, read back with debugfs" >&2
  mkfs.ext2 -q -L KIOSKSTICK "$IMAGE"
  image_has() { debugfs -R "stat /$1" "$IMAGE" 2>/dev/null | grep -q '^Inode:'; }
  image_copy() { debugfs -R "dump /$1 $2" "$IMAGE" 2>/dev/null && [ -f "$2" ]; }
else
  echo "SKIP: neither vfat (dosfstools, mtools) nor ext2 (debugfs) can be mounted and read back here" >&2
  exit 77
fi
mount -o loop "$IMAGE" "$STICK" && MOUNTS+=("$STICK") || { fail "mount the $KIND image"; finish; exit 1; }

# The method can tell: a file copied without a sync is not on the image yet (the kernel writes back after ~30 s).
cp "$SRC/assets/event.example.toml" "$STICK/unsynced.toml"
image_has unsynced.toml && echo "note: the kernel wrote the unsynced file back at once; the check below still holds" >&2 \
  || pass

# The export the panel makes (the same exportToFolder, here through the organisers' command).
event_with_three_ideas
out="$("$BIN" --db "$DB" export all -o "$STICK" 2>"$WORK/err")" && pass || fail "export all: $(cat "$WORK/err")"
made="${out#exported to }"
name="$(basename "$made")"
[ -d "$STICK/$name" ] && pass || fail "the export folder on the stick: $out"
image_has "$name" && pass || fail "the export folder is on the $KIND image right after the export"
mkdir -p "$WORK/back"
count=0
for file in "$STICK/$name"/*; do
  base="$(basename "$file")"
  count=$((count + 1))
  if image_copy "$name/$base" "$WORK/back/$base" && cmp -s "$file" "$WORK/back/$base"; then pass
  else fail "$base is on the $KIND image, byte for byte, right after the export"; fi
done
[ "$count" -ge 11 ] && pass || fail "the export wrote the tables, the workbook, the report and a backup: $count files"
grep -q "Sprachcafé im Glashaus" "$WORK/back/ideas.csv" 2>/dev/null && pass || fail "ideas.csv read back holds the ideas"

# Pulled now: nothing holds a file open, the stick unmounts at once.
if umount "$STICK"; then
  MOUNTS=()
  pass
else
  fail "the stick unmounts right after the export: $(fuser -vm "$STICK" 2>&1 | head -5)"
fi
finish
