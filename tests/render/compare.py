#!/usr/bin/python3
"""Compares screenshots with their committed references.

Both pictures are halved (box filter) before comparing, which is also the
size the references are stored at. A pixel differs when any channel is off
by more than FUZZ (out of 255); a picture differs when more than MAX_SHARE of
its pixels do. Rendering here is deterministic (llvmpipe, fixed fonts), so
the tolerance only absorbs the last bits of antialiasing, while a moved
header, a changed colour or a missing row changes thousands of pixels.

usage: compare.py REFERENCE.png ACTUAL.png DIFF.png   exit 0 same, 1 different
       compare.py --store ACTUAL.png REFERENCE.png    halve and write a reference
       compare.py --self-test REFERENCE.png WORK_DIR  perturb a reference and
                                                      show each change is caught
       compare.py --differ A.png B.png             exit 0 when two screenshots differ
                                                      by more than the tolerance
"""
import os
import sys
from PIL import Image, ImageChops

FUZZ = 24
MAX_SHARE = 0.0005


def halved(path):
    image = Image.open(path).convert("RGB")
    return image.resize((image.width // 2, image.height // 2), Image.BOX)


def load_reference(path):
    return Image.open(path).convert("RGB")


def differing(a, b):
    """Pixels whose largest channel difference exceeds FUZZ, and a mask of them."""
    r, g, b_ = ImageChops.difference(a, b).split()
    worst = ImageChops.lighter(ImageChops.lighter(r, g), b_)
    mask = worst.point(lambda v: 255 if v > FUZZ else 0)
    return mask.histogram()[255], mask


def compare(reference, actual, diff_path=None):
    """None when they match, else a sentence saying how they differ."""
    if reference.size != actual.size:
        return f"size {actual.size} differs from the reference's {reference.size}"
    count, mask = differing(reference, actual)
    share = count / (reference.width * reference.height)
    if share <= MAX_SHARE:
        return None
    if diff_path:
        # The actual picture, dimmed, with the differing pixels in red.
        dimmed = Image.blend(actual, Image.new("RGB", actual.size, (255, 255, 255)), 0.7)
        dimmed.paste(Image.new("RGB", actual.size, (220, 0, 0)), mask=mask)
        dimmed.save(diff_path)
    return f"{count} pixels ({share * 100:.2f} %) differ by more than {FUZZ}"


def self_test(reference_path, work):
    reference = load_reference(reference_path)
    w, h = reference.size
    cases = {}
    # The header band moved down by 3 pixels.
    moved = reference.copy()
    moved.paste(reference.crop((0, 0, w, h // 8)), (0, 3))
    cases["a header moved 3 px"] = moved
    # One colour changed: the header band's red channel raised by 48.
    recoloured = reference.copy()
    band = recoloured.crop((0, 0, w, h // 8))
    r, g, b = band.split()
    recoloured.paste(Image.merge("RGB", (r.point(lambda v: min(255, v + 48)), g, b)), (0, 0))
    cases["a changed colour"] = recoloured
    # A 24-pixel row of the page removed, the rest moved up.
    missing = reference.copy()
    top = h // 2
    missing.paste(reference.crop((0, top + 24, w, h)), (0, top))
    cases["a missing row"] = missing
    failures = 0
    if compare(reference, reference.copy()) is not None:
        print("FAIL: a reference does not match itself")
        failures += 1
    for name, picture in cases.items():
        verdict = compare(reference, picture, os.path.join(work, "selftest-diff.png"))
        if verdict is None:
            print(f"FAIL: the comparison accepts {name}")
            failures += 1
        else:
            print(f"ok: the comparison rejects {name}: {verdict}")
    return 1 if failures else 0


def main():
    args = sys.argv[1:]
    if len(args) == 3 and args[0] == "--self-test":
        sys.exit(self_test(args[1], args[2]))
    if len(args) == 3 and args[0] == "--differ":
        verdict = compare(halved(args[1]), halved(args[2]))
        print(verdict or "the same within the tolerance")
        sys.exit(0 if verdict else 1)
    if len(args) == 3 and args[0] == "--store":
        halved(args[1]).save(args[2], optimize=True)
        return
    if len(args) != 3:
        sys.exit(__doc__)
    verdict = compare(load_reference(args[0]), halved(args[1]), args[2])
    if verdict:
        print(verdict)
        sys.exit(1)


if __name__ == "__main__":
    main()
