// The screens that stand in for content: "being updated" when there is
// nothing to show, the idle warning over the current screen before it
// resets, and the attract screen that waits for the next patient.
#include "screens/screen_widgets.h"
#include "widgets/icons.h"
#include <algorithm>
#include <cmath>

namespace ck::ui {

namespace screens_detail {

void UpdatingScreen(Frame& f)
{
    // Nothing to show patients. Calm, no error words; the console says what
    // staff must fix.
    const Theme& t = f.theme;
    const float max_w = f.column.W();
    const float icon = std::max(f.target, f.em * 3.0f);
    float y = std::round(f.env.height * 0.36f);
    DrawIcon(f.draw, "info", f.env.width * 0.5f, y, icon, PackColour(t.accent), PackColour(t.background));
    y += icon * 0.5f + f.gap * 2;
    const std::string title = f.Ui("updating");
    const ImVec2 title_at = CentredText(f, FontRole::Title, y, PackColour(t.heading), title, max_w);
    ReportTitle(f, title_at.x, y, MeasureText(f, FontRole::Title, title, max_w), t.heading);
    y += title_at.y + f.gap;
    CentredText(f, FontRole::Body, y, PackColour(t.text_muted), f.Ui("updating_detail"), max_w);
}

void IdleWarning(Frame& f)
{
    const Theme& t = f.theme;
    f.draw->AddRectFilled(ImVec2(0, 0), ImVec2(f.env.width, f.env.height), PackColour(t.overlay, 0.7f));
    const float w = std::min(f.env.width - 2 * f.margin, f.em * 24.0f);
    const float x = std::round((f.env.width - w) * 0.5f);
    const float pad = f.em * 1.2f;
    const std::string title = f.Ui("still_reading");
    const int seconds = int(std::ceil(f.env.session->WarningSecondsLeft(f.env.now)));
    const std::string countdown = FormatUiString(f.Ui("idle_countdown"), {{"seconds", std::to_string(seconds)}});
    const float inner = w - 2 * pad;
    const ImVec2 title_size = MeasureText(f, FontRole::H2, title, inner);
    const ImVec2 count_size = MeasureText(f, FontRole::Body, countdown, inner);
    const float h = pad * 2 + title_size.y + f.gap + count_size.y + f.gap * 2 + f.button_h;
    const float y = std::round((f.env.height - h) * 0.5f);
    f.draw->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + h), PackColour(t.background), f.em * 0.8f);
    // In high contrast the card and the dimmed page are both near black: an edge keeps the card apart.
    f.draw->AddRect(ImVec2(x, y), ImVec2(x + w, y + h), PackColour(t.rule), f.em * 0.8f, 0, 3.0f);
    float cy = y + pad;
    cy += DrawText(f, FontRole::H2, x + pad, cy, PackColour(t.heading), title, inner).y + f.gap;
    cy += DrawText(f, FontRole::Body, x + pad, cy, PackColour(t.text), countdown, inner).y + f.gap * 2;
    if (Button(f, Rect{x + pad, cy, x + w - pad, cy + f.button_h}, "", f.Ui("continue"), ButtonStyle::Primary))
        f.Emit(IntentKind::ContinueReading);
}

void AttractScreen(Frame& f)
{
    const Theme& t = f.theme;
    const float icon = std::max(f.target * 2, f.em * 5.0f);
    float y = std::round(f.env.height * 0.34f);
    // The clinic's logo when it has one, else the sparkle: centred, within
    // most of the column and a quarter of the screen's height.
    const ImVec2 logo = LogoSize(f, f.column.W() * 0.8f, f.env.height * 0.25f);
    if (logo.x > 0) {
        DrawLogo(f, (f.env.width - logo.x) * 0.5f, y + icon * 0.75f - logo.y, logo);
    } else {
        f.draw->AddCircleFilled(ImVec2(f.env.width * 0.5f, y), icon * 0.75f, PackColour(t.accent), 64);
        DrawIcon(f.draw, "sparkle", f.env.width * 0.5f, y, icon * 0.8f, PackColour(t.accent_text), PackColour(t.accent));
    }
    y += icon * 0.75f + f.gap * 2.5f;
    const std::string name = f.env.content->config.clinic_name;
    const ImVec2 at = CentredText(f, FontRole::Title, y, PackColour(t.heading), name, f.column.W());
    ReportTitle(f, at.x, y, MeasureText(f, FontRole::Title, name, f.column.W()), t.heading);
    y += at.y + f.gap * 1.5f;
    y += CentredText(f, FontRole::H2, y, PackColour(t.text), f.Ui("touch_to_start"), f.column.W()).y;
    DrawContactLinesCentred(f, y + f.gap * 3);
    if (Target(f, Rect{0, 0, f.env.width, f.env.height}) == Touch::Tapped)
        f.Emit(IntentKind::DismissAttract);
}

} // namespace screens_detail

} // namespace ck::ui
