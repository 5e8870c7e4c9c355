// The take-home card for a web or e-mail address: the kiosk never opens
// one, so a tap on an address in the text, or on a page's "Take this page
// home", shows its QR code (encoded when the content loaded) large enough to
// scan from a chair, the address in words for those without a phone to
// hand, the site it opens when that is not the clinic's own, and Close. The
// screen under it takes no taps while it shows.
#include "screens/screen_widgets.h"
#include <algorithm>
#include <cmath>

namespace ck::ui {

namespace screens_detail {

namespace {

// The code itself (its quiet zone not counted) at least this wide on the
// real screen, in whole-pixel modules never smaller than that needs: larger
// than the page's own code, as the patient came here for it, and easy for a
// phone at arm's length.
constexpr float kCardQrCodeMm = 52.0f;

// How the address reads to a person: an e-mail address without "mailto:".
std::string AddressInWords(const std::string& address)
{
    return address.rfind("mailto:", 0) == 0 ? address.substr(7) : address;
}

// The page being read, when `address` is its own take-home address.
const Page* PageWithLink(const Frame& f, const std::string& address)
{
    const Route& route = f.env.session->Current();
    if (route.screen != Screen::Page)
        return nullptr;
    const Page* page = f.env.content->FindPage(f.env.session->Language(), route.id);
    return page && page->link == address && !page->link_qr.Empty() ? page : nullptr;
}

// "This code opens a page on aad.org" when the address is not on the
// clinic's own web site (kiosk.json contact.website), so nobody takes an
// outside page for the clinic's advice; "" otherwise.
std::string SiteNote(const Frame& f, const std::string& address)
{
    const std::string site = AddressSite(address);
    if (site.empty() || site == AddressSite(f.env.content->config.contact.website))
        return std::string();
    return FormatUiString(f.Ui("take_home_site"), {{"site", site}});
}

} // namespace

void AddressCard(Frame& f)
{
    const Theme& t = f.theme;
    const std::string& address = f.env.session->ShownAddress();
    const Page* page = PageWithLink(f, address);
    auto found = f.env.content->address_codes.find(address);
    const QrCode* code = page ? &page->link_qr
                         : found != f.env.content->address_codes.end() && !found->second.Empty() ? &found->second
                                                                                                 : nullptr;
    f.draw->AddRectFilled(ImVec2(0, 0), ImVec2(f.env.width, f.env.height), PackColour(t.overlay, 0.7f));
    const float w = std::min(f.env.width - 2 * f.margin, f.em * 26.0f);
    const float x = std::round((f.env.width - w) * 0.5f);
    const float pad = std::round(f.em * 1.2f);
    const float inner = w - 2 * pad;
    const std::string caption = f.Ui(page ? "take_home_caption" : "address_caption");
    const std::string words = AddressInWords(address);
    const std::string site = SiteNote(f, address);
    const ImVec2 caption_size = MeasureText(f, FontRole::H2, caption, inner);
    const ImVec2 words_size = MeasureText(f, FontRole::Body, words, inner);
    const float site_h = site.empty() ? 0.0f : MeasureText(f, FontRole::BodyBold, site, inner).y + f.gap * 0.5f;

    int module = 0;
    float side = 0.0f;
    if (code) {
        const float dpi = f.env.dpi > 0.0f ? f.env.dpi : 96.0f;
        const int modules = code->width + 2 * kQrQuietModules;
        const float room = std::min(inner, f.env.height * 0.5f);
        module = std::max(3, int(std::ceil(kCardQrCodeMm * dpi / 25.4f / float(code->width))));
        module = std::max(1, std::min(module, int(room / modules)));
        side = float(module * modules);
    }
    const float h = pad * 2 + caption_size.y + f.gap + (code ? side + f.gap : 0.0f) + site_h + words_size.y
                    + f.gap * 2 + f.button_h;
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
    if (!site.empty())
        cy += DrawText(f, FontRole::BodyBold, x + pad, cy, PackColour(t.text), site, inner).y + f.gap * 0.5f;
    cy += DrawText(f, FontRole::Body, x + pad, cy, PackColour(t.text), words, inner).y + f.gap * 2;
    if (Button(f, Rect{x + pad, cy, x + w - pad, cy + f.button_h}, "", f.Ui("close"), ButtonStyle::Primary))
        f.Emit(IntentKind::CloseAddress);
}

} // namespace screens_detail

} // namespace ck::ui
