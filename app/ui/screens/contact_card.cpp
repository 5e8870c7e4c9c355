// How to reach the clinic, from kiosk.json's contact block: a card at the
// foot of every page (with a button that shows the phone number as a QR
// code a patient can save), a band at the bottom of Home, and lines under
// the attract screen's greeting. Nothing is drawn when the block is empty.
#include "screens/screen_widgets.h"
#include <algorithm>
#include <cmath>

namespace ck::ui {

namespace screens_detail {

namespace {

struct ContactLine {
    std::string label, value;
};

std::vector<ContactLine> ContactLines(const Frame& f)
{
    const ClinicContact& c = f.env.content->config.contact;
    const std::string hours = c.Hours(f.env.session->Language());
    std::vector<ContactLine> lines;
    auto add = [&](const char* key, const std::string& value) {
        if (!value.empty())
            lines.push_back({f.Ui(key), value});
    };
    add("contact_phone", c.phone);
    add("contact_hours", hours);
    add("contact_out_of_hours", c.out_of_hours);
    add("contact_emergency", c.emergency);
    add("contact_address", c.address);
    add("contact_website", c.website);
    add("contact_email", c.email);
    return lines;
}

std::string LineText(const ContactLine& line)
{
    return line.label + ": " + line.value;
}

// The phone's code about 5 cm wide on the real screen: a phone camera reads
// it from where the patient stands; never wider than the card.
constexpr float kPhoneQrSideMm = 50.0f;

int PhoneQrModule(const Frame& f, const QrCode& qr)
{
    const float dpi = f.env.dpi > 0.0f ? f.env.dpi : 96.0f;
    const int modules = qr.width + 2 * kQrQuietModules;
    const float room = f.column.W() - 2 * std::round(f.em * 0.9f);
    const int wanted = std::max(3, int(std::lround(kPhoneQrSideMm * dpi / 25.4f / modules)));
    return std::max(1, std::min(wanted, int(room / modules)));
}

std::string HomeContactText(const Frame& f)
{
    const ClinicContact& c = f.env.content->config.contact;
    const std::string hours = c.Hours(f.env.session->Language());
    std::string text = f.Ui("contact_title") + ":";
    if (!c.phone.empty())
        text += " " + c.phone;
    if (!hours.empty())
        text += (c.phone.empty() ? " " : " · ") + hours;
    if (!c.emergency.empty())
        text += " · " + f.Ui("contact_emergency") + ": " + c.emergency;
    return text;
}

} // namespace

float ContactCardHeight(const Frame& f, bool qr_open)
{
    const std::vector<ContactLine> lines = ContactLines(f);
    if (lines.empty())
        return 0.0f;
    const float pad = std::round(f.em * 0.9f);
    const float inner = f.column.W() - 2 * pad;
    float h = pad + MeasureText(f, FontRole::H3, f.Ui("contact_title"), inner).y + f.gap;
    for (const ContactLine& line : lines)
        h += MeasureText(f, FontRole::Body, LineText(line), inner).y + f.gap * 0.5f;
    const QrCode& qr = f.env.content->config.contact.phone_qr;
    if (!qr.Empty()) {
        h += f.gap + f.button_h;
        if (qr_open)
            h += f.gap + QrSide(qr, PhoneQrModule(f, qr)) + f.gap
                 + MeasureText(f, FontRole::Body, f.Ui("contact_save_caption"), inner).y;
    }
    return h + pad;
}

void DrawContactCard(Frame& f, float y, ScreenViews& views, const std::string& page)
{
    const std::vector<ContactLine> lines = ContactLines(f);
    if (lines.empty())
        return;
    const Theme& t = f.theme;
    const bool open = views.contact_qr_page == page;
    const float h = ContactCardHeight(f, open);
    const float x0 = f.column.x0, x1 = f.column.x1;
    const float pad = std::round(f.em * 0.9f);
    const float inner = f.column.W() - 2 * pad;
    y = std::round(y);
    f.draw->AddRectFilled(ImVec2(x0, y), ImVec2(x1, y + h), PackColour(t.surface), f.em * 0.6f);
    float cy = y + pad;
    cy += DrawText(f, FontRole::H3, x0 + pad, cy, PackColour(t.heading), f.Ui("contact_title"), inner).y + f.gap;
    for (const ContactLine& line : lines)
        cy += DrawText(f, FontRole::Body, x0 + pad, cy, PackColour(t.text), LineText(line), inner).y + f.gap * 0.5f;
    const QrCode& qr = f.env.content->config.contact.phone_qr;
    if (qr.Empty())
        return;
    cy += f.gap;
    const std::string label = f.Ui("contact_save");
    const Rect button{x0 + pad, cy, x0 + pad + std::min(inner, ButtonWidth(f, label)), cy + f.button_h};
    if (Button(f, button, "phone", label, open ? ButtonStyle::Primary : ButtonStyle::Secondary)) {
        views.contact_qr_page = open ? std::string() : page;
        views.contact_qr_reveal = !open;
    }
    if (!open)
        return;
    cy += f.button_h + f.gap;
    const int module = PhoneQrModule(f, qr);
    DrawQr(f.draw, qr, std::round(x0 + pad), std::round(cy), module);
    cy += QrSide(qr, module) + f.gap;
    DrawText(f, FontRole::Body, x0 + pad, cy, PackColour(t.text), f.Ui("contact_save_caption"), inner);
}

float ContactBandHeight(const Frame& f)
{
    const std::vector<ContactLine> lines = ContactLines(f);
    if (lines.empty())
        return 0.0f;
    const float w = f.env.width - 2 * f.margin;
    return std::round(f.gap * 2 + MeasureText(f, FontRole::Body, HomeContactText(f), w).y);
}

void DrawContactBand(Frame& f, float top)
{
    const float h = ContactBandHeight(f);
    if (h <= 0.0f)
        return;
    const Theme& t = f.theme;
    f.draw->AddRectFilled(ImVec2(0, top), ImVec2(f.env.width, top + h), PackColour(t.surface));
    f.draw->AddLine(ImVec2(0, top), ImVec2(f.env.width, top), PackColour(t.rule), 2.0f);
    DrawText(f, FontRole::Body, f.margin, top + f.gap, PackColour(t.text), HomeContactText(f),
             f.env.width - 2 * f.margin);
}

float DrawContactLinesCentred(Frame& f, float y)
{
    const Theme& t = f.theme;
    for (const ContactLine& line : ContactLines(f)) {
        if (line.value == f.env.content->config.contact.address || line.value == f.env.content->config.contact.email)
            continue;   // the greeting keeps to what a patient would call
        y += CentredText(f, FontRole::Body, y, PackColour(t.text), LineText(line), f.column.W()).y + f.gap * 0.5f;
    }
    return y;
}

} // namespace screens_detail

} // namespace ck::ui
