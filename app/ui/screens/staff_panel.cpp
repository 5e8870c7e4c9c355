// Staff overlay: PIN pad and staff panel. See staff_panel.h.
//
// [SECTION] Drawing helpers
// [SECTION] PIN pad
// [SECTION] Insights charts
// [SECTION] Staff panel
// [SECTION] Entry point
#include "screens/staff_panel.h"
#include "widgets/rect.h"

#include "screens/screens.h"   // MinTargetPx
#include <imgui.h>
#include <algorithm>
#include <cmath>

namespace ck::ui {

namespace {

// [SECTION] Drawing helpers

struct Ctx {
    const StaffEnv& env;
    StaffPanelState& state;
    const Theme& theme;
    ImDrawList* draw;
    std::vector<StaffAction> actions;
    float em = 24.0f;
    float target = 57.0f;
    float margin = 40.0f;
    float gap = 16.0f;

    ImFont* Font(FontRole role) const
    {
        ImFont* font = env.fonts ? env.fonts->Get(role) : nullptr;
        return font ? font : ImGui::GetFont();
    }
};

ImVec2 Measure(const Ctx& c, FontRole role, const std::string& text, float wrap)
{
    ImFont* font = c.Font(role);
    return font->CalcTextSizeA(font->FontSize, 1e9f, wrap, text.c_str(), text.c_str() + text.size());
}

ImVec2 Text(Ctx& c, FontRole role, float x, float y, Rgb colour, const std::string& text, float wrap)
{
    ImFont* font = c.Font(role);
    c.draw->AddText(font, font->FontSize, ImVec2(x, y), PackColour(colour), text.c_str(), text.c_str() + text.size(), wrap);
    return Measure(c, role, text, wrap);
}

float Centred(Ctx& c, FontRole role, float y, Rgb colour, const std::string& text, float width)
{
    const ImVec2 size = Measure(c, role, text, width);
    Text(c, role, std::round((c.env.width - size.x) * 0.5f), y, colour, text, width);
    return size.y;
}

// A touch button: pressed look while held, true on the tap. Disabled buttons
// are drawn faded and ignore touches.
bool Button(Ctx& c, const Rect& b, const std::string& label, bool primary, bool enabled = true)
{
    const Theme& t = c.theme;
    const PointerState& p = *c.env.pointer;
    const bool held = enabled && p.down && !p.dragging && b.Contains(p.press_x, p.press_y) && b.Contains(p.x, p.y);
    Rgb fill = primary ? t.accent : t.surface;
    Rgb ink = primary ? t.accent_text : t.text;
    if (held) {
        fill = t.surface_pressed;
        ink = t.text;
    }
    const float alpha = enabled ? 1.0f : 0.35f;
    const float rounding = std::min(b.y1 - b.y0, b.x1 - b.x0) * 0.25f;
    c.draw->AddRectFilled(ImVec2(b.x0, b.y0), ImVec2(b.x1, b.y1), PackColour(fill, alpha), rounding);
    if (!primary)
        c.draw->AddRect(ImVec2(b.x0, b.y0), ImVec2(b.x1, b.y1), PackColour(t.rule, alpha), rounding, 0, 2.0f);
    const ImVec2 size = Measure(c, FontRole::Button, label, 0.0f);
    ImFont* font = c.Font(FontRole::Button);
    c.draw->AddText(font, font->FontSize,
                    ImVec2(std::round((b.x0 + b.x1 - size.x) * 0.5f), std::round((b.y0 + b.y1 - size.y) * 0.5f)),
                    PackColour(ink, alpha), label.c_str(), label.c_str() + label.size());
    return enabled && p.tapped && b.Contains(p.tap_x, p.tap_y) && b.Contains(p.press_x, p.press_y);
}

// A row of equal buttons across [x0, x1]; returns the index tapped or -1.
int ButtonRow(Ctx& c, float x0, float x1, float y, float h, const std::vector<std::string>& labels, int primary)
{
    const float n = float(labels.size());
    const float w = (x1 - x0 - c.gap * (n - 1)) / n;
    int tapped = -1;
    for (size_t i = 0; i < labels.size(); i++) {
        const float bx = x0 + float(i) * (w + c.gap);
        if (Button(c, Rect{bx, y, bx + w, y + h}, labels[i], int(i) == primary))
            tapped = int(i);
    }
    return tapped;
}

// [SECTION] PIN pad

void PinPad(Ctx& c)
{
    StaffPanelState& s = c.state;
    const Theme& t = c.theme;
    const bool locked = s.lockout.Locked(c.env.now);
    const float key = std::round(std::max(c.target * 1.6f, std::min(c.em * 4.5f, c.env.height * 0.085f)));
    const float pad_w = key * 3 + c.gap * 2;
    const float x0 = std::round((c.env.width - pad_w) * 0.5f);
    const float text_w = std::min(c.env.width - 2 * c.margin, c.em * 26.0f);

    // Title, dots, message, four rows of keys and the buttons, centred a little high.
    const float block = c.em * 9.0f + key * 4 + c.gap * 7 + std::max(c.target, c.em * 2.4f);
    float y = std::round(std::max(c.margin, (c.env.height - block) * 0.4f));
    y += Centred(c, FontRole::Title, y, t.heading, "Staff access", text_w) + c.gap;
    y += Centred(c, FontRole::Body, y, t.text_muted, "Enter the staff PIN", text_w) + c.gap * 2;

    // The digits typed so far, as dots in fixed slots.
    const float dot = c.em * 0.45f;
    const int slots = std::max(kStaffPinMinDigits, int(s.digits.size()));
    const float slot_w = dot * 3.2f;
    float dx = std::round((c.env.width - slot_w * float(slots)) * 0.5f) + slot_w * 0.5f;
    for (int i = 0; i < slots; i++, dx += slot_w) {
        if (i < int(s.digits.size()))
            c.draw->AddCircleFilled(ImVec2(dx, y + dot), dot, PackColour(t.heading), 24);
        else
            c.draw->AddCircle(ImVec2(dx, y + dot), dot, PackColour(t.rule), 24, 2.0f);
    }
    y += dot * 2 + c.gap * 1.5f;

    std::string message = s.message;
    if (locked)
        message = "Too many wrong PINs. Try again in " + std::to_string(s.lockout.SecondsLeft(c.env.now)) + " s.";
    const float line_h = Measure(c, FontRole::Body, "Ag", 0.0f).y;
    if (!message.empty())
        Centred(c, FontRole::Body, y, locked ? t.heading : t.text, message, text_w);
    y += line_h * 2 + c.gap;

    static const char* const kKeys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "Clear", "0", "Delete"};
    for (int i = 0; i < 12; i++) {
        const float kx = x0 + float(i % 3) * (key + c.gap);
        const float ky = y + float(i / 3) * (key + c.gap);
        const bool digit = i != 9 && i != 11;
        const bool enabled = !locked && (!digit || int(s.digits.size()) < kStaffPinMaxDigits);
        if (!Button(c, Rect{kx, ky, kx + key, ky + key}, kKeys[i], false, enabled))
            continue;
        s.message.clear();
        if (digit)
            s.digits += kKeys[i];
        else if (i == 9)
            s.digits.clear();
        else if (!s.digits.empty())
            s.digits.pop_back();
    }
    y += key * 4 + c.gap * 4;

    const float button_h = std::max(c.target, c.em * 2.4f);
    const bool can_submit = !locked && int(s.digits.size()) >= kStaffPinMinDigits;
    const float half = (pad_w - c.gap) * 0.5f;
    if (Button(c, Rect{x0, y, x0 + half, y + button_h}, "Cancel", false))
        c.actions.push_back(StaffAction::Close);
    if (Button(c, Rect{x0 + half + c.gap, y, x0 + pad_w, y + button_h}, "Unlock", true, can_submit))
        c.actions.push_back(StaffAction::SubmitPin);
}

// [SECTION] Insights charts

float InfoRow(Ctx& c, float x, float y, float w, const std::string& label, const std::string& value);   // Staff panel

// `text` cut with "..." so it is at most `width` wide.
std::string Fit(const Ctx& c, FontRole role, const std::string& text, float width)
{
    if (Measure(c, role, text, 0.0f).x <= width)
        return text;
    ImFont* font = c.Font(role);
    const float room = std::max(0.0f, width - Measure(c, role, "...", 0.0f).x);
    const char* end = nullptr;
    font->CalcTextSizeA(font->FontSize, room, 0.0f, text.c_str(), text.c_str() + text.size(), &end);
    return std::string(text.c_str(), end) + "...";
}

float LineHeight(const Ctx& c, FontRole role)
{
    return Measure(c, role, "Ag", 0.0f).y;
}

// Height of a chart with `bars` rows (an empty one has its "none yet" line).
float ChartHeight(const Ctx& c, const StaffChart& chart, int bars)
{
    const int rows = std::max(1, std::min(bars, int(chart.bars.size())));
    return LineHeight(c, FontRole::BodyBold) + c.gap * 0.3f + float(rows) * LineHeight(c, FontRole::Small) * 1.3f;
}

// A horizontal bar chart: per entry the label (cut to half the width), a bar
// scaled to the largest count, and the count after the bar.
void BarChart(Ctx& c, float x, float y, float w, const StaffChart& chart, int bars)
{
    const Theme& t = c.theme;
    y += Text(c, FontRole::BodyBold, x, y, t.heading, Fit(c, FontRole::BodyBold, chart.title, w), 0.0f).y
         + c.gap * 0.3f;
    const float line = LineHeight(c, FontRole::Small);
    if (chart.bars.empty()) {
        Text(c, FontRole::Small, x, y, t.text_muted, "none yet", 0.0f);
        return;
    }
    long long largest = 1;
    for (const StaffBar& bar : chart.bars)
        largest = std::max(largest, bar.count);
    const float label_w = std::round(w * 0.5f);
    const float bar_x0 = x + label_w + c.gap * 0.5f;
    const float count_w = Measure(c, FontRole::Small, std::to_string(largest), 0.0f).x;
    const float room = std::max(1.0f, x + w - bar_x0 - count_w - c.gap * 0.4f);
    for (int i = 0; i < bars && i < int(chart.bars.size()); i++, y += line * 1.3f) {
        const StaffBar& bar = chart.bars[size_t(i)];
        Text(c, FontRole::Small, x, y, t.text, Fit(c, FontRole::Small, bar.label, label_w), 0.0f);
        const float length = std::max(3.0f, std::round(room * float(bar.count) / float(largest)));
        c.draw->AddRectFilled(ImVec2(bar_x0, y + line * 0.12f), ImVec2(bar_x0 + length, y + line * 0.88f),
                              PackColour(t.accent), line * 0.12f);
        Text(c, FontRole::Small, bar_x0 + length + c.gap * 0.4f, y, t.text, std::to_string(bar.count), 0.0f);
    }
}

// The insights: period and totals, then the charts side by side on a wide
// screen or stacked, with as many bars as leave `bottom` free. Returns the
// height used.
float InsightsSection(Ctx& c, float x, float y, float w, float bottom)
{
    const StaffInfo& info = *c.env.info;
    std::string summary = info.insights_period;
    for (const std::string& line : info.insights_totals)
        summary += "\n" + line;
    const float top = y;
    y += InfoRow(c, x, y, w, "Insights", summary.empty() ? "-" : summary);
    const auto& charts = info.insights_charts;
    if (charts.empty())
        return y - top;
    const int columns = w >= c.em * 40.0f ? int(charts.size()) : 1;
    const int rows = (int(charts.size()) + columns - 1) / columns;
    auto height = [&](int bars) {
        float tallest = 0.0f;
        for (const StaffChart& chart : charts)
            tallest = std::max(tallest, ChartHeight(c, chart, bars));
        return float(rows) * (tallest + c.gap * 0.6f);
    };
    int bars = 5;
    while (bars > 1 && y + height(bars) > bottom)
        bars--;
    if (y + height(bars) > bottom)
        return y - top;   // no room: the totals must do
    const float column_w = (w - c.gap * float(columns - 1)) / float(columns);
    const float row_h = height(bars) / float(rows);
    for (size_t i = 0; i < charts.size(); i++) {
        const float cx = x + float(int(i) % columns) * (column_w + c.gap);
        const float cy = y + float(int(i) / columns) * row_h;
        BarChart(c, cx, cy, column_w, charts[i], bars);
    }
    return y + height(bars) - top;
}

// [SECTION] Staff panel

float InfoRow(Ctx& c, float x, float y, float w, const std::string& label, const std::string& value)
{
    const float label_w = std::min(w * 0.3f, c.em * 9.0f);
    Text(c, FontRole::BodyBold, x, y, c.theme.heading, label, label_w);
    const ImVec2 size = Text(c, FontRole::Small, x + label_w, y + c.em * 0.1f, c.theme.text, value, w - label_w);
    return std::max(size.y, Measure(c, FontRole::BodyBold, label, label_w).y) + c.gap * 0.6f;
}

std::string Join(const std::vector<std::string>& lines)
{
    std::string out;
    for (const std::string& line : lines)
        out += (out.empty() ? "" : "\n") + line;
    return out.empty() ? "-" : out;
}

void Panel(Ctx& c)
{
    const StaffInfo& info = *c.env.info;
    const Theme& t = c.theme;
    const float x = c.margin, full_w = c.env.width - 2 * c.margin;
    // A wide screen puts the insights in a right-hand column; `w` is the left one.
    const bool side = full_w >= c.em * 40.0f;
    const float w = side ? std::round((full_w - c.gap * 2) * 0.5f) : full_w;
    const float button_h = std::max(c.target, c.em * 2.4f);

    float y = c.margin;
    const ImVec2 title = Text(c, FontRole::Title, x, y, t.heading, "Staff panel", 0.0f);
    const std::string version = "CareKiosk " + info.version;
    const ImVec2 version_size = Measure(c, FontRole::Small, version, 0.0f);
    Text(c, FontRole::Small, x + full_w - version_size.x, y + title.y - version_size.y, t.text_muted, version, 0.0f);
    y += title.y + c.gap;
    c.draw->AddLine(ImVec2(x, y), ImVec2(x + full_w, y), PackColour(t.rule), 2.0f);
    y += c.gap;
    const float columns_top = y;

    y += InfoRow(c, x, y, w, "Content folder", info.content_dir);
    y += InfoRow(c, x, y, w, "Last reload", info.reload_busy ? "reloading now..." : info.last_reload);
    y += InfoRow(c, x, y, w, "Live reload", info.watch_state);
    y += InfoRow(c, x, y, w, "Content", Join(info.counts));
    y += InfoRow(c, x, y, w, "Search index", Join(info.search_index));
    y += InfoRow(c, x, y, w, "Reviews", info.overdue_reviews == 0
                                            ? "no page is past its review date"
                                            : std::to_string(info.overdue_reviews) + " page(s) past the review date");
    // Problems: a card with as many diagnostics as fit and page buttons.
    const float buttons_top = c.env.height - c.margin - button_h * 2 - c.gap;
    if (side) {
        InsightsSection(c, x + w + c.gap * 2, columns_top, full_w - w - c.gap * 2, buttons_top - c.gap);
    } else {
        // Stacked, the insights leave room for the problems' heading and a few lines.
        const float problems_min = LineHeight(c, FontRole::H3) + LineHeight(c, FontRole::Small) * 4 + c.gap * 4.5f;
        y += InsightsSection(c, x, y, w, buttons_top - problems_min);
    }
    y += c.gap * 0.5f;
    const int top = ButtonRow(c, x, x + full_w, buttons_top, button_h, {"Reload now", "Preview as patient"}, 0);
    const int bottom = ButtonRow(c, x, x + full_w, buttons_top + button_h + c.gap, button_h, {"Exit kiosk", "Close"}, -1);
    if (top == 0) c.actions.push_back(StaffAction::ReloadNow);
    if (top == 1) c.actions.push_back(StaffAction::PreviewAsPatient);
    if (bottom == 0) c.actions.push_back(StaffAction::ExitKiosk);
    if (bottom == 1) c.actions.push_back(StaffAction::Close);
    const std::string heading = "Problems: " + std::to_string(info.errors) + " errors, "
                                + std::to_string(info.warnings) + " warnings";
    y += Text(c, FontRole::H3, x, y, t.heading, heading, w).y + c.gap * 0.5f;
    const float page_w = std::max(c.target, c.em * 2.5f);
    const float card_x1 = x + w - page_w - c.gap;
    float card_bottom = buttons_top - c.gap * 1.5f;
    const int total = int(info.diagnostics.size());
    c.state.first_line = std::clamp(c.state.first_line, 0, std::max(0, total - 1));
    const float inner = card_x1 - x - c.gap * 2;
    // A short list gets a card just big enough for it (and no page buttons).
    float needed = c.gap * 2 + (total == 0 ? Measure(c, FontRole::Small, "Ag", 0.0f).y : 0.0f);
    for (const Diagnostic& d : info.diagnostics)
        needed += Measure(c, FontRole::Small, FormatDiagnostic(d), inner).y + c.gap * 0.5f;
    const bool pages = needed > card_bottom - y;
    if (!pages)
        card_bottom = y + needed;
    c.draw->AddRectFilled(ImVec2(x, y), ImVec2(pages ? card_x1 : x + w, card_bottom), PackColour(t.surface), c.em * 0.4f);
    float ly = y + c.gap;
    int shown = 0;
    if (total == 0)
        Text(c, FontRole::Small, x + c.gap, ly, t.text_muted, "No problems found.", inner);
    for (int i = c.state.first_line; i < total; i++) {
        const std::string line = FormatDiagnostic(info.diagnostics[size_t(i)]);
        const float h = Measure(c, FontRole::Small, line, inner).y;
        if (ly + h > card_bottom - c.gap && shown > 0)
            break;
        const bool error = info.diagnostics[size_t(i)].severity == Severity::Error;
        Text(c, FontRole::Small, x + c.gap, ly, error ? t.heading : t.text, line, inner);
        ly += h + c.gap * 0.5f;
        shown++;
    }
    if (!pages)
        return;
    const bool more_below = c.state.first_line + shown < total;
    if (Button(c, Rect{card_x1 + c.gap, y, x + w, y + page_w}, "Up", false, c.state.first_line > 0))
        c.state.first_line = std::max(0, c.state.first_line - std::max(1, shown));
    if (Button(c, Rect{card_x1 + c.gap, card_bottom - page_w, x + w, card_bottom}, "Down", false, more_below))
        c.state.first_line += std::max(1, shown);
}

} // namespace

// [SECTION] Entry point

std::vector<StaffAction> DrawStaffOverlay(const StaffEnv& env, StaffPanelState& state)
{
    if (state.mode == StaffMode::Closed)
        return {};
    const Theme& theme = *env.theme;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(env.width, env.height));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav |
                                   ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground;
    ImGui::Begin("##staff", nullptr, flags);
    Ctx c{env, state, theme, ImGui::GetWindowDrawList(), {}};
    c.em = env.fonts && env.fonts->Sizes().body > 0 ? env.fonts->Sizes().body : ImGui::GetFontSize();
    c.target = MinTargetPx(env.dpi);
    c.margin = std::max(std::round(env.width * 0.045f), std::round(c.em * 0.9f));
    c.gap = std::max(std::round(c.em * 0.6f), std::round(c.target * 0.25f));
    c.draw->AddRectFilled(ImVec2(0, 0), ImVec2(env.width, env.height), PackColour(theme.background));

    switch (state.mode) {
    case StaffMode::Pad: PinPad(c); break;
    case StaffMode::Panel: Panel(c); break;
    case StaffMode::Closed: break;
    }
    ImGui::End();
    return std::move(c.actions);
}

} // namespace ck::ui
