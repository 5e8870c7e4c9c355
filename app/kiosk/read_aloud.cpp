// ReadAloud. See read_aloud.h.
#include "read_aloud.h"

#include <cstdlib>
#include <cstring>

namespace ck {

const std::string ReadAloud::kNone;

// Where the reading belongs: the screen, its page or open entry, the
// language and the patient's session.
static std::string ReadingPlace(const Session& session)
{
    const Route& route = session.Current();
    return std::string(ScreenName(route.screen)) + ":" + route.id + "|" + session.Language() + "#" +
           std::to_string(session.ResetCount());
}

void ReadAloud::Start(KioskPlatform& platform)
{
    KioskPlatform* wake = &platform;
    const char* output = std::getenv("CAREKIOSK_SPEECH_OUTPUT");
    const bool silent = output && std::strcmp(output, "silent") == 0;
    speaker_ = std::make_unique<Speaker>([wake] { wake->Wake(); },
                                         silent ? Speaker::Output::Silent : Speaker::Output::Device);
}

void ReadAloud::Toggle(const std::string& target, const Content& content, const Session& session)
{
    if (!speaker_)
        return;
    notice_.clear();
    if (reading_ == target && speaker_->IsSpeaking()) {
        Stop();   // a second tap on the same button, or Stop in the header
        return;
    }
    Reading reading = ReadingFor(content, session.Language(), target);
    if (reading.segments.empty()) {
        Stop();
        return;
    }
    blocks_.clear();
    for (const SpeechSegment& segment : reading.segments)
        blocks_.push_back(segment.block);
    speaker_->Speak(reading.lang, std::move(reading.segments), content.config.default_language);
    reading_ = target;
    place_ = ReadingPlace(session);
    segment_ = -1;   // nothing shows as read until the device is open
}

void ReadAloud::Stop()
{
    if (speaker_)
        speaker_->Stop();
    reading_.clear();
    blocks_.clear();
    segment_ = -1;
}

void ReadAloud::OnSessionReset()
{
    Stop();
    notice_.clear();
    if (speaker_)
        speaker_->SetVolume(kDefaultSpeechVolume);
}

bool ReadAloud::Follow(Session& session, double now)
{
    if (!notice_.empty() && (ReadingPlace(session) != notice_place_ || session.Idle() != IdleState::Active)) {
        notice_.clear();
        return true;
    }
    if (reading_.empty())
        return false;
    if (!speaker_->IsSpeaking() || session.Idle() != IdleState::Active || ReadingPlace(session) != place_) {
        if (!speaker_->IsSpeaking() && speaker_->NoSound() && ReadingPlace(session) == place_) {
            notice_ = reading_;
            notice_place_ = place_;
        }
        Stop();
        return true;
    }
    const int segment = speaker_->CurrentSegment();
    if (segment == segment_)
        return false;
    segment_ = segment;
    // Someone listening is using the kiosk: each part the voice reaches
    // counts as input, so a long page is not cut off by the idle warning.
    // Once the reading ends, the idle timer runs again from there.
    session.NoteInput(now);
    return true;
}

int ReadAloud::Block() const
{
    if (segment_ < 0 || segment_ >= static_cast<int>(blocks_.size()))
        return -1;
    return blocks_[segment_];
}

std::string ReadAloud::Status() const
{
    if (!notice_.empty())
        return "speaking no-sound " + notice_ + "\n";
    if (reading_.empty() || segment_ < 0)
        return "speaking off\n";
    return "speaking " + reading_ + " " + std::to_string(segment_) + "\n";
}

} // namespace ck
