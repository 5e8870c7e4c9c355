#!/usr/bin/python3
"""Draw the patient-information diagrams for the CareKiosk content.

Writes, for every language in LABELS:
    content/<lang>/pages/needle-depth.png      skin cross-section with microneedles
    content/<lang>/pages/healing-timeline.png  redness fading, collagen building

Run from anywhere:  /usr/bin/python3 scripts/make-diagrams.py
Needs Pillow (Debian package python3-pil).
"""

import math
import os
import random

from PIL import Image, ImageDraw, ImageFont

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Everything is drawn at SCALE times the final size and reduced at the end,
# which gives smooth (anti-aliased) edges.
SCALE = 2
W, H = 1200, 700

FONT_DIRS = [
    ("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
     "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"),
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
]

# Calm clinical palette.
BG = (250, 251, 252)
INK = (38, 52, 66)
MUTED = (96, 110, 124)
TEAL = (34, 122, 136)
TEAL_LIGHT = (214, 236, 238)
CORAL = (214, 104, 92)
CORAL_LIGHT = (248, 222, 216)
EPIDERMIS = (244, 214, 190)
EPIDERMIS_EDGE = (214, 170, 140)
DERMIS = (240, 196, 186)
DERMIS_FIBRE = (250, 226, 220)
DERMIS_EDGE = (205, 150, 140)
FAT = (248, 232, 178)
FAT_CELL = (226, 204, 140)
VESSEL = (196, 88, 88)
STEEL = (150, 160, 170)
STEEL_DARK = (110, 120, 132)
STEEL_LIGHT = (205, 212, 220)
NEEDLE = (120, 130, 140)

LABELS = {
    "en": {
        "depth_title": "How deep do the microneedles go?",
        "depth_sub": "A cross-section of the skin (not to scale)",
        "pen": "Microneedle pen",
        "needles": "Sterile, single-use needles",
        "epidermis": "Epidermis",
        "epidermis_note": "thin outer layer",
        "dermis": "Dermis",
        "dermis_note": "makes collagen and elastin",
        "fat": "Fat layer",
        "fat_note": "needles usually do not reach here",
        "depth": ["Usual depth on", "most of the face:", "0.5 to 1.5 mm"],
        "channels": "Tiny channels prompt the skin to repair itself",
        "tl_title": "How your skin heals after microneedling",
        "tl_sub": "A typical pattern. Everyone heals a little differently.",
        "ticks": ["Day 0", "Day 1", "Day 3", "Day 7", "Week 2", "Week 4", "Week 6"],
        "redness": "Redness",
        "collagen": "New collagen",
        "redness_note": "Redness fades over 1 to 3 days",
        "collagen_note": "Collagen keeps building for months",
        "phases": ["Red and warm", "Dry and tight", "May flake\nfrom day 3",
                   "Skin looks normal again by day 7"],
        "next_session": "Next session",
    },
    "es": {
        "depth_title": "¿Hasta dónde llegan las microagujas?",
        "depth_sub": "Un corte de la piel (no está a escala)",
        "pen": "Aparato de microagujas",
        "needles": "Agujas estériles de un solo uso",
        "epidermis": "Epidermis",
        "epidermis_note": "capa exterior, muy fina",
        "dermis": "Dermis",
        "dermis_note": "produce colágeno y elastina",
        "fat": "Capa de grasa",
        "fat_note": "las agujas no suelen llegar aquí",
        "depth": ["Profundidad", "habitual en", "casi toda la cara:", "de 0,5 a 1,5 mm"],
        "channels": "Los microcanales ponen en marcha la reparación de la piel",
        "tl_title": "Cómo se recupera su piel",
        "tl_sub": "Un patrón habitual. Cada persona se recupera a su ritmo.",
        "ticks": ["Día 0", "Día 1", "Día 3", "Día 7", "Semana 2", "Semana 4", "Semana 6"],
        "redness": "Enrojecimiento",
        "collagen": "Colágeno nuevo",
        "redness_note": "El enrojecimiento baja en 1 a 3 días",
        "collagen_note": "El colágeno sigue aumentando durante meses",
        "phases": ["Roja y caliente", "Seca y tirante", "Puede pelarse\ndesde el día 3",
                   "Vuelve a verse normal hacia el día 7"],
        "next_session": "Próxima sesión",
    },
}


def font(size, bold=False):
    for regular, heavy in FONT_DIRS:
        path = heavy if bold else regular
        if os.path.exists(path):
            return ImageFont.truetype(path, int(size * SCALE))
    return ImageFont.load_default()


def s(v):
    """Scale a final-size coordinate to drawing size."""
    return int(round(v * SCALE))


def pts(points):
    return [(s(x), s(y)) for x, y in points]


def text(draw, xy, value, size, fill=INK, bold=False, anchor="la"):
    draw.text((s(xy[0]), s(xy[1])), value, font=font(size, bold), fill=fill, anchor=anchor)


def text_width(draw, value, size, bold=False):
    box = draw.textbbox((0, 0), value, font=font(size, bold))
    return (box[2] - box[0]) / SCALE


def wave(x, base, amp, period, phase=0.0):
    return base + amp * math.sin((x / period) * 2 * math.pi + phase)


def finish(img, path):
    img = img.resize((img.width // SCALE, img.height // SCALE), Image.LANCZOS)
    img = img.convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT,
                                      dither=Image.Dither.NONE)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    img.save(path, optimize=True)
    print(f"wrote {os.path.relpath(path, ROOT)} ({os.path.getsize(path) // 1024} KB)")


# --------------------------------------------------------------------------
# Skin cross-section
# --------------------------------------------------------------------------

def needle_depth(lang, path):
    L = LABELS[lang]
    img = Image.new("RGB", (s(W), s(H)), BG)
    d = ImageDraw.Draw(img)

    text(d, (60, 40), L["depth_title"], 34, bold=True)
    text(d, (60, 88), L["depth_sub"], 20, fill=MUTED)

    # The block of skin.
    left, right = 60, 760
    top = 300          # skin surface
    epi_bottom = 340   # epidermis / dermis border (wavy)
    derm_bottom = 540  # dermis / fat border (wavy)
    bottom = 650
    xs = list(range(left, right + 1, 4))

    surface = [(x, wave(x, top, 2.5, 180)) for x in xs]
    epi = [(x, wave(x, epi_bottom, 9, 70, 0.6)) for x in xs]
    derm = [(x, wave(x, derm_bottom, 6, 210, 1.3)) for x in xs]

    # The skin is drawn on its own layer and then pasted through a
    # rounded-rectangle mask, so nothing spills outside the block.
    skin = Image.new("RGB", img.size, BG)
    k = ImageDraw.Draw(skin)
    k.polygon(pts(derm + [(right, bottom + 40), (left, bottom + 40)]), fill=FAT)

    # Fat cells: rounded lobules.
    rng = random.Random(7)
    y = derm_bottom + 22
    row = 0
    while y < bottom + 30:
        x = left - 10 + (0 if row % 2 == 0 else 34)
        while x < right + 40:
            rx = 30 + rng.uniform(-3, 3)
            ry = 21 + rng.uniform(-2, 2)
            k.ellipse([s(x - rx), s(y - ry), s(x + rx), s(y + ry)],
                      outline=FAT_CELL, width=s(2))
            x += 68
        y += 44
        row += 1

    k.polygon(pts(epi + derm[::-1]), fill=DERMIS)
    k.polygon(pts(surface + epi[::-1]), fill=EPIDERMIS)

    # Collagen fibres in the dermis: soft wavy strands.
    for i in range(7):
        base = epi_bottom + 30 + i * 24
        phase = rng.uniform(0, 6)
        line = [(x, wave(x, base, 5, 120 + i * 9, phase)) for x in xs]
        k.line(pts(line), fill=DERMIS_FIBRE, width=s(4), joint="curve")

    # A small blood vessel deep in the dermis, drawn as a soft tube.
    vessel = [(x, wave(x, derm_bottom - 34, 9, 260, 2.0)) for x in xs]
    k.line(pts(vessel), fill=(226, 150, 146), width=s(9), joint="curve")
    k.line(pts(vessel), fill=(206, 112, 108), width=s(3), joint="curve")

    # Borders between layers.
    k.line(pts(epi), fill=EPIDERMIS_EDGE, width=s(2), joint="curve")
    k.line(pts(derm), fill=DERMIS_EDGE, width=s(2), joint="curve")
    k.line(pts(surface), fill=EPIDERMIS_EDGE, width=s(3), joint="curve")

    mask = Image.new("L", img.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle(
        [s(left), s(top - 6), s(right), s(bottom)], radius=s(14), fill=255)
    # keep the wavy skin surface: cut away everything above it
    ImageDraw.Draw(mask).polygon(
        pts([(left, 0)] + surface + [(right, 0)]), fill=0)
    img.paste(skin, (0, 0), mask)
    d = ImageDraw.Draw(img)

    # Microneedle pen head above the skin.
    pen_l, pen_r = 270, 590
    pen_bottom = 210
    d.rounded_rectangle([s(pen_l + 70), s(120), s(pen_r - 70), s(pen_bottom - 30)],
                        radius=s(10), fill=STEEL_LIGHT, outline=STEEL, width=s(2))
    d.rounded_rectangle([s(pen_l), s(pen_bottom - 36), s(pen_r), s(pen_bottom)],
                        radius=s(8), fill=STEEL, outline=STEEL_DARK, width=s(2))

    # Needles: from the pen into the upper-middle dermis.
    tip_y = epi_bottom + 105
    for i in range(9):
        nx = pen_l + 24 + i * (pen_r - pen_l - 48) / 8
        d.polygon(pts([(nx - 2.2, pen_bottom), (nx + 2.2, pen_bottom), (nx, tip_y)]),
                  fill=NEEDLE)
        # faint channel glow around the part in the skin
        d.line(pts([(nx, top + 4), (nx, tip_y - 6)]), fill=(255, 240, 236), width=s(1))

    # Depth bracket on the left of the needles.
    bx = pen_l - 34
    d.line(pts([(bx, top), (bx, tip_y)]), fill=TEAL, width=s(3))
    d.line(pts([(bx - 9, top), (bx + 9, top)]), fill=TEAL, width=s(3))
    d.line(pts([(bx - 9, tip_y), (bx + 9, tip_y)]), fill=TEAL, width=s(3))
    lines = L["depth"]
    label_w = max(text_width(d, line, 18, i == 0) for i, line in enumerate(lines))
    lx = bx - 22 - label_w
    box_pad = 10
    line_h = 26
    box_top = (top + tip_y) / 2 - len(lines) * line_h / 2 - 6
    d.rounded_rectangle([s(lx - box_pad), s(box_top),
                         s(bx - 14 + box_pad / 2), s(box_top + len(lines) * line_h + 12)],
                        radius=s(8), fill=(255, 255, 255), outline=TEAL, width=s(2))
    for i, line in enumerate(lines):
        text(d, (lx, box_top + 6 + i * line_h), line, 18,
             fill=TEAL if i == 0 else INK, bold=(i == 0))

    # Labels on the right with leader lines.
    lab_x = 800

    def callout(y_target, x_target, y_label, title, note, colour):
        d.line(pts([(x_target, y_target), (lab_x - 40, y_target),
                    (lab_x - 14, y_label + 18)]), fill=MUTED, width=s(2))
        d.ellipse([s(x_target - 5), s(y_target - 5), s(x_target + 5), s(y_target + 5)],
                  fill=colour, outline=INK, width=s(1))
        d.rounded_rectangle([s(lab_x), s(y_label + 4), s(lab_x + 18), s(y_label + 22)],
                            radius=s(4), fill=colour, outline=MUTED, width=s(1))
        text(d, (lab_x + 30, y_label), title, 24, bold=True)
        text(d, (lab_x + 30, y_label + 32), note, 19, fill=MUTED)

    callout(160, pen_r - 70, 130, L["pen"], L["needles"], STEEL_LIGHT)
    callout(320, right - 40, 265, L["epidermis"], L["epidermis_note"], EPIDERMIS)
    callout(440, right - 40, 400, L["dermis"], L["dermis_note"], DERMIS)
    callout(600, right - 40, 545, L["fat"], L["fat_note"], FAT)

    # Note under the pen.
    text(d, (60, 672), L["channels"], 19, fill=TEAL, bold=True, anchor="ls")

    finish(img, path)


# --------------------------------------------------------------------------
# Healing timeline
# --------------------------------------------------------------------------

def healing_timeline(lang, path):
    L = LABELS[lang]
    img = Image.new("RGBA", (s(W), s(H)), BG + (255,))
    d = ImageDraw.Draw(img)

    size = 34
    while text_width(d, L["tl_title"], size, True) > 730:
        size -= 1
    text(d, (60, 40), L["tl_title"], size, bold=True)
    text(d, (60, 88), L["tl_sub"], 20, fill=MUTED)

    # Plot area.
    x0, x1 = 110, 1100
    y_top, y_axis = 190, 520
    n = len(L["ticks"]) - 1

    def X(u):
        return x0 + (x1 - x0) * u / n

    def Y(v):
        return y_axis - (y_axis - y_top) * v

    # "Next session" band between week 4 and week 6.
    band = Image.new("RGBA", img.size, (0, 0, 0, 0))
    bd = ImageDraw.Draw(band)
    bd.rectangle([s(X(n - 1)), s(y_top - 20), s(X(n)), s(y_axis)],
                 fill=TEAL_LIGHT + (150,))
    img.alpha_composite(band)
    d = ImageDraw.Draw(img)
    text(d, ((X(n - 1) + X(n)) / 2, y_top - 8), L["next_session"], 18,
         fill=TEAL, bold=True, anchor="mt")

    # Light grid lines.
    for i in range(n + 1):
        d.line(pts([(X(i), y_top - 20), (X(i), y_axis)]), fill=(228, 233, 238), width=s(1))

    def redness(u):
        return 0.92 * math.exp(-1.1 * u)

    def collagen(u):
        if u <= 1.5:
            return 0.0
        t = (u - 1.5) / (n - 1.5)
        return 0.82 * (t ** 1.25)

    us = [i / 40 for i in range(0, 40 * n + 1)]
    col_us = [u for u in us if u >= 1.5]

    # Filled areas under each curve, semi-transparent.
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    ld = ImageDraw.Draw(layer)
    red_pts = [(X(u), Y(redness(u))) for u in us]
    col_pts = [(X(u), Y(collagen(u))) for u in col_us]
    ld.polygon(pts(red_pts + [(X(n), y_axis), (X(0), y_axis)]), fill=CORAL_LIGHT + (170,))
    ld.polygon(pts(col_pts + [(X(n), y_axis)]), fill=TEAL_LIGHT + (200,))
    img.alpha_composite(layer)
    d = ImageDraw.Draw(img)

    d.line(pts(red_pts), fill=CORAL, width=s(5), joint="curve")
    d.line(pts(col_pts), fill=TEAL, width=s(5), joint="curve")

    # Arrow at the end of the collagen line: it keeps going.
    ex, ey = X(n), Y(collagen(n))
    px, py = X(n - 0.15), Y(collagen(n - 0.15))
    ang = math.atan2(ey - py, ex - px)
    tipx, tipy = ex + 22 * math.cos(ang), ey + 22 * math.sin(ang)
    d.line(pts([(ex, ey), (tipx, tipy)]), fill=TEAL, width=s(5))
    head = [(tipx + 14 * math.cos(ang), tipy + 14 * math.sin(ang)),
            (tipx + 12 * math.cos(ang + 2.3), tipy + 12 * math.sin(ang + 2.3)),
            (tipx + 12 * math.cos(ang - 2.3), tipy + 12 * math.sin(ang - 2.3))]
    d.polygon(pts(head), fill=TEAL)

    # Axis and ticks.
    d.line(pts([(x0, y_axis), (x1 + 40, y_axis)]), fill=INK, width=s(2))
    for i, label in enumerate(L["ticks"]):
        d.line(pts([(X(i), y_axis), (X(i), y_axis + 10)]), fill=INK, width=s(2))
        text(d, (X(i), y_axis + 16), label, 19, anchor="mt",
             bold=(i == 0))

    # Curve notes.
    text(d, (X(0.42), Y(redness(0.42)) - 4), L["redness_note"], 19, fill=CORAL,
         bold=True, anchor="lb")
    text(d, (X(3.45), Y(collagen(3.45)) + 22), L["collagen_note"], 19, fill=TEAL,
         bold=True, anchor="lt")

    # Legend (top right).
    lx, ly = 820, 44
    d.rounded_rectangle([s(lx), s(ly), s(1140), s(ly + 84)], radius=s(10),
                        fill=(255, 255, 255), outline=(220, 226, 232), width=s(2))
    d.line(pts([(lx + 18, ly + 26), (lx + 58, ly + 26)]), fill=CORAL, width=s(6))
    text(d, (lx + 70, ly + 26), L["redness"], 20, anchor="lm")
    d.line(pts([(lx + 18, ly + 58), (lx + 58, ly + 58)]), fill=TEAL, width=s(6))
    text(d, (lx + 70, ly + 58), L["collagen"], 20, anchor="lm")

    # Phase strip under the axis.
    strip_y = 590
    phases = [(0, 1, CORAL_LIGHT), (1, 2, (246, 236, 214)), (2, 3, (240, 240, 222)),
              (3, n, TEAL_LIGHT)]
    for (a, b, colour), label in zip(phases, L["phases"]):
        d.rounded_rectangle([s(X(a) + 3), s(strip_y), s(X(b) - 3), s(strip_y + 56)],
                            radius=s(10), fill=colour)
        lines = label.split("\n")   # a label may take two lines
        for i, line in enumerate(lines):
            y = strip_y + 28 + (i - (len(lines) - 1) / 2) * 22
            text(d, ((X(a) + X(b)) / 2, y), line, 18, anchor="mm")

    finish(img, path)


def main():
    for lang in LABELS:
        pages = os.path.join(ROOT, "content", lang, "pages")
        needle_depth(lang, os.path.join(pages, "needle-depth.png"))
        healing_timeline(lang, os.path.join(pages, "healing-timeline.png"))


if __name__ == "__main__":
    main()
