// Vector icons. Each is designed on a unit square from -1 to 1 (y down) and
// scaled by a Pen, so one description serves every size. Strokes are round-
// capped by drawing a dot at each end, which keeps thick lines friendly.
#include "widgets/icons.h"

#include <imgui.h>
#include <cmath>
#include <map>

namespace ck::ui {

namespace {

constexpr float kPi = 3.14159265f;

float Rad(float degrees) { return degrees * kPi / 180.0f; }

struct Pen {
    ImDrawList* draw;
    ImVec2 centre;
    float half;        // half the icon size in pixels
    ImU32 colour;
    ImU32 cutout;

    ImVec2 P(float x, float y) const { return ImVec2(centre.x + x * half, centre.y + y * half); }
    float L(float length) const { return length * half; }
    float Stroke() const { return std::fmax(1.5f, half * 0.17f); }

    void Line(float x0, float y0, float x1, float y1, ImU32 col, float thickness) const
    {
        draw->AddLine(P(x0, y0), P(x1, y1), col, thickness);
        draw->AddCircleFilled(P(x0, y0), thickness * 0.5f, col, 12);
        draw->AddCircleFilled(P(x1, y1), thickness * 0.5f, col, 12);
    }
    void Line(float x0, float y0, float x1, float y1) const { Line(x0, y0, x1, y1, colour, Stroke()); }
    void Polyline(std::initializer_list<ImVec2> points, ImU32 col) const
    {
        ImVec2 previous;
        bool first = true;
        for (const ImVec2& point : points) {
            if (!first)
                Line(previous.x, previous.y, point.x, point.y, col, Stroke());
            previous = point;
            first = false;
        }
    }
    void Fill(std::initializer_list<ImVec2> points, ImU32 col) const
    {
        for (const ImVec2& point : points)
            draw->PathLineTo(P(point.x, point.y));
        draw->PathFillConvex(col);
    }
    void Disc(float x, float y, float r, ImU32 col) const { draw->AddCircleFilled(P(x, y), L(r), col, 48); }
    void Ring(float x, float y, float r) const { draw->AddCircle(P(x, y), L(r), colour, 48, Stroke()); }
};

// [SECTION] Content icons

void Sparkle(const Pen& pen)
{
    auto star = [&](float x, float y, float r) {
        const float w = r * 0.26f;
        pen.Fill({{x, y - r}, {x + w, y}, {x - w, y}}, pen.colour);
        pen.Fill({{x + r, y}, {x, y + w}, {x, y - w}}, pen.colour);
        pen.Fill({{x, y + r}, {x - w, y}, {x + w, y}}, pen.colour);
        pen.Fill({{x - r, y}, {x, y - w}, {x, y + w}}, pen.colour);
        pen.Fill({{x - w, y - w}, {x + w, y - w}, {x + w, y + w}, {x - w, y + w}}, pen.colour);
    };
    star(-0.2f, 0.15f, 0.8f);
    star(0.6f, -0.58f, 0.36f);
    star(0.62f, 0.62f, 0.22f);
}

void Calendar(const Pen& pen)
{
    const float r = pen.L(0.12f);
    pen.draw->AddRect(pen.P(-0.82f, -0.62f), pen.P(0.82f, 0.86f), pen.colour, r, 0, pen.Stroke());
    pen.draw->AddRectFilled(pen.P(-0.82f, -0.62f), pen.P(0.82f, -0.22f), pen.colour, r,
                            ImDrawFlags_RoundCornersTop);
    pen.Line(-0.42f, -0.9f, -0.42f, -0.5f);
    pen.Line(0.42f, -0.9f, 0.42f, -0.5f);
    for (int row = 0; row < 2; row++)
        for (int col = 0; col < 3; col++) {
            const float x = -0.5f + col * 0.5f, y = 0.12f + row * 0.4f;
            pen.draw->AddRectFilled(pen.P(x - 0.12f, y - 0.11f), pen.P(x + 0.12f, y + 0.11f), pen.colour,
                                    pen.L(0.04f));
        }
}

void Drop(const Pen& pen)
{
    // A point on top and a circle below, joined by the circle's tangents.
    const float cy = 0.28f, r = 0.62f, tip = -0.95f;
    const float spread = std::acos(r / (cy - tip));
    pen.draw->PathLineTo(pen.P(0.0f, tip));
    pen.draw->PathArcTo(pen.P(0.0f, cy), pen.L(r), Rad(-90.0f) + spread, Rad(270.0f) - spread, 40);
    pen.draw->PathFillConvex(pen.colour);
    // A highlight makes it read as liquid rather than a map pin.
    pen.draw->PathArcTo(pen.P(0.0f, cy), pen.L(r * 0.62f), Rad(100.0f), Rad(170.0f), 12);
    pen.draw->PathStroke(pen.cutout, 0, pen.Stroke() * 0.8f);
}

void Shield(const Pen& pen)
{
    pen.Fill({{-0.78f, -0.62f}, {0.0f, -0.95f}, {0.78f, -0.62f}, {0.72f, 0.12f}, {0.38f, 0.66f},
              {0.0f, 0.95f}, {-0.38f, 0.66f}, {-0.72f, 0.12f}}, pen.colour);
    pen.Polyline({{-0.36f, 0.0f}, {-0.08f, 0.3f}, {0.4f, -0.28f}}, pen.cutout);
}

void Warning(const Pen& pen)
{
    const float rounding = 0.12f;
    pen.Fill({{0.0f, -0.9f}, {0.98f, 0.8f}, {-0.98f, 0.8f}}, pen.colour);
    pen.Line(0.0f, -0.9f, 0.98f, 0.8f, pen.colour, pen.L(rounding * 2));
    pen.Line(0.98f, 0.8f, -0.98f, 0.8f, pen.colour, pen.L(rounding * 2));
    pen.Line(-0.98f, 0.8f, 0.0f, -0.9f, pen.colour, pen.L(rounding * 2));
    pen.Line(0.0f, -0.3f, 0.0f, 0.22f, pen.cutout, pen.Stroke());
    pen.Disc(0.0f, 0.52f, 0.1f, pen.cutout);
}

void Question(const Pen& pen)
{
    pen.Disc(0.0f, 0.0f, 0.95f, pen.colour);
    pen.draw->PathArcTo(pen.P(0.0f, -0.22f), pen.L(0.3f), Rad(190.0f), Rad(400.0f), 24);
    pen.draw->PathLineTo(pen.P(0.0f, 0.2f));
    pen.draw->PathStroke(pen.cutout, 0, pen.Stroke());
    pen.Disc(0.0f, 0.2f, pen.Stroke() * 0.5f / pen.half, pen.cutout);
    pen.Disc(0.0f, 0.55f, 0.11f, pen.cutout);
}

void Info(const Pen& pen)
{
    pen.Disc(0.0f, 0.0f, 0.95f, pen.colour);
    pen.Disc(0.0f, -0.45f, 0.12f, pen.cutout);
    pen.Line(0.0f, -0.1f, 0.0f, 0.5f, pen.cutout, pen.Stroke());
}

void Sun(const Pen& pen)
{
    pen.Disc(0.0f, 0.0f, 0.42f, pen.colour);
    for (int i = 0; i < 8; i++) {
        const float a = Rad(45.0f * i);
        pen.Line(0.64f * std::cos(a), 0.64f * std::sin(a), 0.88f * std::cos(a), 0.88f * std::sin(a));
    }
}

void Clock(const Pen& pen)
{
    pen.Ring(0.0f, 0.0f, 0.84f);
    pen.Line(0.0f, 0.0f, 0.0f, -0.52f);
    pen.Line(0.0f, 0.0f, 0.38f, 0.22f);
}

void Heart(const Pen& pen)
{
    const float r = 0.46f, cx = 0.44f, cy = -0.3f;
    pen.Disc(-cx, cy, r, pen.colour);
    pen.Disc(cx, cy, r, pen.colour);
    // The tangent points at 45 degrees down-outwards meet at the bottom tip.
    const float tx = cx + r * 0.7071f, ty = cy + r * 0.7071f;
    pen.Fill({{-tx, ty}, {-cx, cy - r * 0.2f}, {0.0f, cy}, {cx, cy - r * 0.2f}, {tx, ty}, {0.0f, 0.9f}},
             pen.colour);
}

void Person(const Pen& pen)
{
    pen.Disc(0.0f, -0.46f, 0.36f, pen.colour);
    pen.draw->PathArcTo(pen.P(0.0f, 0.88f), pen.L(0.78f), Rad(180.0f), Rad(360.0f), 32);
    pen.draw->PathFillConvex(pen.colour);
}

void List(const Pen& pen)
{
    for (int i = -1; i <= 1; i++) {
        const float y = i * 0.56f;
        pen.Disc(-0.72f, y, 0.14f, pen.colour);
        pen.Line(-0.32f, y, 0.84f, y);
    }
}

// [SECTION] Chrome icons

void Back(const Pen& pen)
{
    pen.Line(0.75f, 0.0f, -0.7f, 0.0f);
    pen.Polyline({{-0.1f, -0.6f}, {-0.7f, 0.0f}, {-0.1f, 0.6f}}, pen.colour);
}

void Home(const Pen& pen)
{
    pen.Fill({{-0.66f, 0.85f}, {-0.66f, -0.12f}, {0.0f, -0.78f}, {0.66f, -0.12f}, {0.66f, 0.85f}}, pen.colour);
    pen.Polyline({{-0.92f, 0.0f}, {0.0f, -0.9f}, {0.92f, 0.0f}}, pen.colour);
    pen.draw->AddRectFilled(pen.P(-0.18f, 0.3f), pen.P(0.18f, 0.86f), pen.cutout, pen.L(0.06f),
                            ImDrawFlags_RoundCornersTop);
}

void TextSize(const Pen& pen)
{
    auto letter = [&](float x, float base, float h) {
        const float w = h * 0.42f;
        pen.Polyline({{x - w, base}, {x, base - h}, {x + w, base}}, pen.colour);
        pen.Line(x - w * 0.55f, base - h * 0.35f, x + w * 0.55f, base - h * 0.35f);
    };
    letter(-0.6f, 0.7f, 0.7f);
    letter(0.3f, 0.7f, 1.4f);
}

void Contrast(const Pen& pen)
{
    pen.Ring(0.0f, 0.0f, 0.8f);
    pen.draw->PathArcTo(pen.P(0.0f, 0.0f), pen.L(0.8f), Rad(-90.0f), Rad(90.0f), 32);
    pen.draw->PathFillConvex(pen.colour);
}

void ChevronDown(const Pen& pen) { pen.Polyline({{-0.6f, -0.25f}, {0.0f, 0.35f}, {0.6f, -0.25f}}, pen.colour); }
void ChevronUp(const Pen& pen) { pen.Polyline({{-0.6f, 0.25f}, {0.0f, -0.35f}, {0.6f, 0.25f}}, pen.colour); }

void Globe(const Pen& pen)
{
    pen.Ring(0.0f, 0.0f, 0.85f);
    for (int i = 0; i < 32; i++) {   // 1.86 has no AddEllipse
        const float a = Rad(360.0f * i / 32);
        pen.draw->PathLineTo(pen.P(0.38f * std::cos(a), 0.85f * std::sin(a)));
    }
    pen.draw->PathStroke(pen.colour, ImDrawFlags_Closed, pen.Stroke() * 0.7f);
    pen.Line(-0.85f, 0.0f, 0.85f, 0.0f, pen.colour, pen.Stroke() * 0.7f);
}

// Read aloud: a loudspeaker with two sound waves.
void Speaker(const Pen& pen)
{
    pen.Fill({{-0.85f, -0.3f}, {-0.45f, -0.3f}, {-0.45f, 0.3f}, {-0.85f, 0.3f}}, pen.colour);
    pen.Fill({{-0.5f, -0.3f}, {0.05f, -0.75f}, {0.05f, 0.75f}, {-0.5f, 0.3f}}, pen.colour);
    for (float r : {0.38f, 0.72f}) {
        pen.draw->PathArcTo(pen.P(0.05f, 0.0f), pen.L(r), Rad(-45.0f), Rad(45.0f), 16);
        pen.draw->PathStroke(pen.colour, 0, pen.Stroke() * 0.8f);
    }
}

void Stop(const Pen& pen)
{
    pen.draw->AddRectFilled(pen.P(-0.55f, -0.55f), pen.P(0.55f, 0.55f), pen.colour, pen.L(0.12f));
}

using IconFn = void (*)(const Pen&);

const std::map<std::string, IconFn>& Registry()
{
    static const std::map<std::string, IconFn> icons = {
        {"sparkle", Sparkle}, {"calendar", Calendar}, {"drop", Drop}, {"shield", Shield},
        {"warning", Warning}, {"question", Question}, {"info", Info}, {"sun", Sun},
        {"clock", Clock}, {"heart", Heart}, {"person", Person}, {"list", List},
        {"back", Back}, {"home", Home}, {"text-size", TextSize}, {"contrast", Contrast},
        {"chevron-down", ChevronDown}, {"chevron-up", ChevronUp}, {"globe", Globe},
        {"speaker", Speaker}, {"stop", Stop},
    };
    return icons;
}

} // namespace

void DrawIcon(ImDrawList* draw, const std::string& name, float cx, float cy, float size,
              unsigned colour, unsigned cutout)
{
    const auto& icons = Registry();
    auto it = icons.find(name);
    const IconFn fn = it != icons.end() ? it->second : Info;
    fn(Pen{draw, ImVec2(cx, cy), size * 0.5f, colour, cutout});
}

bool IsIconName(const std::string& name)
{
    return Registry().count(name) != 0;
}

} // namespace ck::ui
