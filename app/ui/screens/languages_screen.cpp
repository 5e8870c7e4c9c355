// The language picker, for kiosks that offer more than two languages (with
// two, the settings button switches directly).
#include "screens/screen_widgets.h"
#include <algorithm>

namespace ck::ui {

namespace screens_detail {

// The language picker: one large button per language, in its own words, in
// the order kiosk.json gives; the current one is filled.
void LanguagesScreen(Frame& f, ScreenViews& views)
{
    views.max_scroll = 0.0f;
    float y = FixedTitle(f, Header(f, true), f.Ui("language")) + f.gap;
    const float h = std::max(f.target, f.button_h * 1.3f);
    for (const std::string& tag : f.env.content->config.languages) {
        ImGui::PushID(tag.c_str());
        const bool current = tag == f.env.session->Language();
        const Rect r{f.column.x0, y, f.column.x1, y + h};
        if (Button(f, r, "globe", LanguageName(*f.env.content, tag),
                   current ? ButtonStyle::Primary : ButtonStyle::Secondary))
            f.Emit(IntentKind::SetLanguage, tag);
        ImGui::PopID();
        y += h + f.gap;
    }
}

} // namespace screens_detail

} // namespace ck::ui
