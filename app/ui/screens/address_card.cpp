// The take-home card for a web or e-mail address in the text: the kiosk
// never opens one, so a tap on it shows its QR code (encoded when the
// content loaded) large enough to scan from a chair, the address in words
// for those without a phone to hand, and Close. The screen under it takes
// no taps while it shows.
#include "screens/screen_widgets.h"
#include <algorithm>
#include <cmath>

namespace ck::ui {

namespace screens_detail {

namespace {

constexpr float kCardQrSideMm = 60.0f;   // half again the page's code: the patient came here for it

// How the address reads to a person: an e-mail address without "mailto:".
std::string AddressInWords(const std::string& address)
{
    return address.rfind("mailto:", 0) == 0 ? address.substr(7) : address;
}

} // namespace

void AddressCard(Frame& f)
{
    const Theme& t = f.theme;
    const std::string& address = f.env.session->ShownAddress();
    auto found = f.env.content->address_codes.find(address);
    const QrCode* code = found != f.env.content->address_codes.end() && !found->second.Empty() ? &found->second
                                                                                               : nullptr;
    f.draw->AddRectFilled(ImVec2(0, 0), ImVec2(f.env.width, f.env.height), PackColour(t.overlay, 0.7f));
    const float w = std::min(f.env.width - 2 * f.margin, f.em * 26.0f);
    const float x = std::round((f.env.width - w) * 0.5f);
    const float pad = std::round(f.em * 1.2f);
    const float inner = w - 2 * pad;
    const std::string caption = f.Ui("address_caption");
    const std::string words = AddressInWords(address);
    const ImVec2 caption_size = MeasureText(f, FontRole::H2, caption, inner);
    const ImVec2 words_size = MeasureText(f, FontRole::Body, words, inner);

    int module = 0;
    float side = 0.0f;
    if (code) {
        const float dpi = f.env.dpi > 0.0f ? f.env.dpi : 96.0f;
        const int modules = code->width + 2 * kQrQuietModules;
        const float room = std::min(inner, f.env.height * 0.5f);
        module = std::max(3, int(std::lround(kCardQrSideMm * dpi / 25.4f / modules)));
        module = std::max(1, std::min(module, int(room / modules)));
        side = float(module * modules);
    }
    const float h = pad * 2 + caption_size.y + f.gap + (code ? side + f.gap : 0.0f) + words_size.y + f.gap * 2
                    + f.button_h;
    const float y = std::round((f.env.height - h) * 0.5f);
    f.draw->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + h), PackColour(t.background), f.em * 0.8f);
    f.draw->AddRect(ImVec2(x, y), ImVec2(x + w, y + h), PackColour(t.rule), f.em * 0.8f, 0, 3.0f);
    float cy = y + pad;
    cy += DrawText(f, FontRole::H2, x + pad, cy, PackColour(t.heading), caption, inner).y + f.gap;
    if (code) {
        const float qx = std::round(x + (w - side) * 0.5f), qy = std::round(cy);
        DrawQr(f.draw, *code, qx, qy, module);
        if (f.report) {
            const float rect[4] = {qx, qy, qx + side, qy + side};
            std::copy(rect, rect + 4, f.report->qr_rect);
            f.report->qr_module = module;
        }
        cy += side + f.gap;
    }
    cy += DrawText(f, FontRole::Body, x + pad, cy, PackColour(t.text), words, inner).y + f.gap * 2;
    if (Button(f, Rect{x + pad, cy, x + w - pad, cy + f.button_h}, "", f.Ui("close"), ButtonStyle::Primary))
        f.Emit(IntentKind::CloseAddress);
}

} // namespace screens_detail

} // namespace ck::ui
