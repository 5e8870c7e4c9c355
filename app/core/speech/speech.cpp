// Read-aloud through espeak-ng. See speech.h.
//
// Index
//   [SECTION] Engine: the one espeak-ng instance, its lock, voices
//   [SECTION] Synthesis to memory and to a WAV file
//   [SECTION] Speaker: the worker thread
#include "speech/speech.h"
#include "base/guard.h"

#include <espeak-ng/espeak_ng.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <set>

namespace ck {

namespace {

// ---------------------------------------------------------------------------
// [SECTION] Engine: the one espeak-ng instance, its lock, voices
// ---------------------------------------------------------------------------

constexpr int kOutputToMemory = ENOUTPUT_MODE_SYNCHRONOUS;
constexpr int kOutputToDevice = ENOUTPUT_MODE_SYNCHRONOUS | ENOUTPUT_MODE_SPEAK_AUDIO;

// Everything below is touched only with `mutex` held.
struct Engine {
    std::mutex mutex;
    bool started = false;
    bool failed = false;
    std::string error;
    int output = -1;                     // the mode passed to espeak_ng_InitializeOutput
    std::string voice_tag;               // tag of the selected voice ("" = none yet)
    std::string voice_lang;              // its language as espeak-ng names it
    std::set<std::string> reported;      // fallbacks already said on stderr
};

Engine& TheEngine()
{
    static Engine engine;
    return engine;
}

int OnSynth(short* wav, int samples, espeak_EVENT* events);

// Starts espeak-ng once per process (its data from the default path).
bool Start(Engine& engine)
{
    if (engine.started || engine.failed)
        return engine.started;
    espeak_ng_InitializePath(nullptr);
    espeak_ng_ERROR_CONTEXT context = nullptr;
    const espeak_ng_STATUS status = espeak_ng_Initialize(&context);
    if (status != ENS_OK) {
        char message[256] = {};
        espeak_ng_GetStatusCodeMessage(status, message, sizeof(message));
        espeak_ng_ClearErrorContext(&context);
        engine.failed = true;
        engine.error = std::string("espeak-ng cannot start: ") + message;
        std::fprintf(stderr, "carekiosk: read-aloud is off: %s\n", engine.error.c_str());
        return false;
    }
    espeak_SetSynthCallback(OnSynth);
    engine.started = true;
    return true;
}

bool SetOutput(Engine& engine, int mode)
{
    if (engine.output == mode)
        return true;
    if (espeak_ng_InitializeOutput(static_cast<espeak_ng_OUTPUT_MODE>(mode), 0, nullptr) != ENS_OK)
        return false;
    engine.output = mode;
    return true;
}

std::string Lower(std::string text)
{
    for (char& c : text)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// The voice whose language list best matches the tag ("pt-BR" -> pt-br,
// "es-MX" -> es-419); false when espeak-ng has none for it.
bool TrySelect(const std::string& tag)
{
    if (tag.empty())
        return false;
    const std::string lower = Lower(tag);
    espeak_VOICE selector;
    std::memset(&selector, 0, sizeof(selector));
    selector.languages = lower.c_str();
    return espeak_ng_SetVoiceByProperties(&selector) == ENS_OK;
}

std::string CurrentVoiceLanguage()
{
    const espeak_VOICE* voice = espeak_GetCurrentVoice();
    // `languages` is a list of (priority byte, name, '\0'); the first name is the one.
    return voice && voice->languages ? std::string(voice->languages + 1) : std::string();
}

// Selects the voice for `lang`, falling back to `fallback` and then English.
std::string SelectVoice(Engine& engine, const std::string& lang, const std::string& fallback)
{
    if (engine.voice_tag == lang && !engine.voice_lang.empty())
        return engine.voice_lang;
    bool found = TrySelect(lang);
    if (!found) {
        found = TrySelect(fallback) || TrySelect("en");
        if (engine.reported.insert(lang).second)
            std::fprintf(stderr, "carekiosk: espeak-ng has no voice for '%s'; reading it with the '%s' voice\n",
                         lang.c_str(), found ? CurrentVoiceLanguage().c_str() : "default");
    }
    engine.voice_tag = lang;
    engine.voice_lang = CurrentVoiceLanguage();
    return engine.voice_lang;
}

// ---------------------------------------------------------------------------
// [SECTION] Synthesis to memory and to a WAV file
// ---------------------------------------------------------------------------

// Where OnSynth puts the samples of one utterance (espeak's user_data).
struct Sink {
    std::vector<int16_t>* pcm = nullptr;       // null: count only
    size_t samples = 0;
    std::function<bool()> cancelled;           // true: cut the utterance short
};

int OnSynth(short* wav, int samples, espeak_EVENT* events)
{
    Sink* sink = events ? static_cast<Sink*>(events->user_data) : nullptr;
    if (!sink)
        return 0;
    if (wav && samples > 0) {
        sink->samples += size_t(samples);
        if (sink->pcm)
            sink->pcm->insert(sink->pcm->end(), wav, wav + samples);
    }
    return sink->cancelled && sink->cancelled() ? 1 : 0;
}

// One segment to memory (the engine set to kOutputToMemory). A pause closes
// every segment, as between paragraphs.
espeak_ng_STATUS SynthesizeSegment(const std::string& text, Sink* sink)
{
    return espeak_ng_Synthesize(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0,
                                espeakCHARS_UTF8 | espeakENDPAUSE, nullptr, sink);
}

void PutLe(std::string& out, uint32_t value, int bytes)
{
    for (int i = 0; i < bytes; i++)
        out += char((value >> (8 * i)) & 0xff);
}

bool WriteWav(const std::string& path, const std::vector<int16_t>& pcm, int rate, std::string* error)
{
    const uint32_t data_bytes = uint32_t(pcm.size() * 2);
    std::string header = "RIFF";
    PutLe(header, 36 + data_bytes, 4);
    header += "WAVEfmt ";
    PutLe(header, 16, 4);          // fmt chunk size
    PutLe(header, 1, 2);           // PCM
    PutLe(header, 1, 2);           // mono
    PutLe(header, uint32_t(rate), 4);
    PutLe(header, uint32_t(rate) * 2, 4);
    PutLe(header, 2, 2);           // bytes per frame
    PutLe(header, 16, 2);          // bits per sample
    header += "data";
    PutLe(header, data_bytes, 4);

    FILE* file = std::fopen(path.c_str(), "wb");
    bool ok = file && std::fwrite(header.data(), 1, header.size(), file) == header.size();
    for (int16_t sample : pcm) {   // little-endian whatever the host
        if (!ok)
            break;
        const unsigned char bytes[2] = {static_cast<unsigned char>(uint16_t(sample) & 0xff),
                                        static_cast<unsigned char>(uint16_t(sample) >> 8)};
        ok = std::fwrite(bytes, 1, 2, file) == 2;
    }
    if (file)
        ok = std::fclose(file) == 0 && ok;
    if (!ok && error)
        *error = "cannot write " + path;
    return ok;
}

// Sentences of a segment, each with its closing punctuation: the unit the
// sound device is fed in, so Stop never waits for a whole paragraph.
std::vector<std::string> Sentences(const std::string& text)
{
    std::vector<std::string> out;
    size_t start = 0;
    for (size_t i = 0; i + 1 < text.size(); i++) {
        const char c = text[i];
        if ((c == '.' || c == '!' || c == '?' || c == ';' || c == ':') && text[i + 1] == ' ') {
            out.push_back(text.substr(start, i + 1 - start));
            start = i + 2;
        }
    }
    if (start < text.size())
        out.push_back(text.substr(start));
    return out;
}

} // namespace

std::string SpeechVoiceFor(const std::string& lang, const std::string& fallback_lang)
{
    Engine& engine = TheEngine();
    std::lock_guard<std::mutex> lock(engine.mutex);
    if (!Start(engine))
        return std::string();
    return SelectVoice(engine, lang, fallback_lang);
}

int SpeechSampleRate()
{
    Engine& engine = TheEngine();
    std::lock_guard<std::mutex> lock(engine.mutex);
    return Start(engine) ? espeak_ng_GetSampleRate() : 0;
}

bool SynthesizeToWav(const std::string& lang, const std::vector<SpeechSegment>& segments, const std::string& path,
                     std::vector<size_t>* segment_start_samples, std::string* error, std::string* voice,
                     const std::string& fallback_lang)
{
    std::vector<int16_t> pcm;
    int rate = 0;
    {
        Engine& engine = TheEngine();
        std::lock_guard<std::mutex> lock(engine.mutex);
        if (!Start(engine) || !SetOutput(engine, kOutputToMemory)) {
            if (error)
                *error = engine.failed ? engine.error : "espeak-ng cannot synthesise to memory";
            return false;
        }
        const std::string chosen = SelectVoice(engine, lang, fallback_lang);
        if (voice)
            *voice = chosen;
        espeak_ng_SetParameter(espeakVOLUME, kDefaultSpeechVolume, 0);
        if (segment_start_samples)
            segment_start_samples->clear();
        for (const SpeechSegment& segment : segments) {
            if (segment_start_samples)
                segment_start_samples->push_back(pcm.size());
            Sink sink;
            sink.pcm = &pcm;
            if (SynthesizeSegment(segment.text, &sink) != ENS_OK) {
                if (error)
                    *error = "espeak-ng could not synthesise: " + segment.text.substr(0, 60);
                return false;
            }
        }
        rate = espeak_ng_GetSampleRate();
    }
    return WriteWav(path, pcm, rate, error);
}

// ---------------------------------------------------------------------------
// [SECTION] Speaker: the worker thread
// ---------------------------------------------------------------------------

Speaker::Speaker(std::function<void()> wake, Output output)
    : wake_(std::move(wake)), silent_(output == Output::Silent)
{
    worker_ = std::thread([this] { Run(); });
}

Speaker::~Speaker()
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        quit_ = true;
        ++generation_;
    }
    cv_.notify_all();
    worker_.join();
}

void Speaker::Speak(const std::string& lang, std::vector<SpeechSegment> segments, const std::string& fallback_lang)
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        ++generation_;
        request_ = Request{lang, fallback_lang, std::move(segments)};
        pending_ = !request_.segments.empty();
        opening_ = pending_;
        no_sound_ = false;
        current_ = -1;
    }
    cv_.notify_all();
}

void Speaker::Stop()
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        ++generation_;
        pending_ = false;
        request_ = Request();
        opening_ = false;
        current_ = -1;
    }
    cv_.notify_all();
}

void Speaker::SetVolume(int percent)
{
    volume_ = std::clamp(percent, 0, 100);
}

void Speaker::Run()
{
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        cv_.wait(lock, [this] { return quit_ || pending_; });
        if (quit_)
            return;
        const Request request = std::move(request_);
        request_ = Request();
        pending_ = false;
        const unsigned generation = generation_.load();
        lock.unlock();
        try {
            Read(request, generation);
        } catch (...) {
            ReportEscaped("reading aloud", "this reading stops; the next one starts afresh");
        }
        lock.lock();
        if (!Cancelled(generation)) {
            opening_ = false;
            current_ = -1;   // read to the end, or nothing to read it with
        }
        lock.unlock();
        if (wake_)
            wake_();
        lock.lock();
    }
}

// Moves the highlight, unless a Stop or another Speak came in meanwhile.
void Speaker::SetCurrent(int segment, unsigned generation)
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (Cancelled(generation) || current_.load() == segment)
            return;
        current_ = segment;
    }
    if (wake_)
        wake_();
}

// The end of a reading that never started: no engine, or no sound device.
void Speaker::Finish(bool no_sound, unsigned generation)
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (Cancelled(generation))
            return;
        no_sound_ = no_sound;
        opening_ = false;
    }
    if (wake_)
        wake_();
}

void Speaker::Read(const Request& request, unsigned generation)
{
    {
        Engine& engine = TheEngine();
        std::lock_guard<std::mutex> lock(engine.mutex);
        if (!Start(engine)) {
            Finish(false, generation);
            return;
        }
        SelectVoice(engine, request.lang, request.fallback_lang);
    }
    if (!silent_ && !OpenDevice()) {
        Finish(true, generation);
        return;
    }
    for (size_t i = 0; i < request.segments.size() && !Cancelled(generation); i++) {
        SetCurrent(int(i), generation);
        const std::string& text = request.segments[i].text;
        if (silent_) {
            ReadSilently(text, generation);
        } else if (!ReadAloud(text, generation)) {
            Finish(true, generation);   // the device went away mid-way
            return;
        }
    }
}

// Opens the sound device by playing a few milliseconds of silence: espeak-ng
// opens it at the first samples, and says at once when it cannot. Tried
// before every reading, so a speaker plugged in later is used.
bool Speaker::OpenDevice()
{
    Engine& engine = TheEngine();
    std::lock_guard<std::mutex> lock(engine.mutex);
    if (!SetOutput(engine, kOutputToDevice))
        return false;
    espeak_ng_SetParameter(espeakVOLUME, 0, 0);
    const std::string pause = " ";
    const espeak_ng_STATUS status = espeak_ng_Synthesize(pause.c_str(), pause.size() + 1, 0, POS_CHARACTER, 0,
                                                         espeakCHARS_UTF8, nullptr, nullptr);
    if (status == ENS_AUDIO_ERROR) {
        if (!reported_no_device_.exchange(true))
            std::fprintf(stderr, "carekiosk: no sound device for read-aloud; patients who tap Read aloud are told "
                                 "sound is not available\n");
        return false;
    }
    return true;
}

// Plays one segment, a sentence at a time. False when the sound device fails.
bool Speaker::ReadAloud(const std::string& text, unsigned generation)
{
    Engine& engine = TheEngine();
    for (const std::string& sentence : Sentences(text)) {
        if (Cancelled(generation))
            break;
        std::lock_guard<std::mutex> lock(engine.mutex);
        if (!SetOutput(engine, kOutputToDevice))
            return false;
        espeak_ng_SetParameter(espeakVOLUME, volume_.load(), 0);
        const espeak_ng_STATUS status = espeak_ng_Synthesize(sentence.c_str(), sentence.size() + 1, 0, POS_CHARACTER, 0,
                                                             espeakCHARS_UTF8 | espeakENDPAUSE, nullptr, nullptr);
        if (status == ENS_AUDIO_ERROR)
            return false;
    }
    if (Cancelled(generation)) {
        std::lock_guard<std::mutex> lock(engine.mutex);
        espeak_ng_Cancel();   // drops what the device still holds
    }
    return true;
}

// No sound: synthesise to memory only to learn how long the voice would
// take, then wait that long (or until Stop).
void Speaker::ReadSilently(const std::string& text, unsigned generation)
{
    Sink sink;
    sink.cancelled = [this, generation] { return Cancelled(generation); };
    int rate = 0;
    {
        Engine& engine = TheEngine();
        std::lock_guard<std::mutex> lock(engine.mutex);
        if (!SetOutput(engine, kOutputToMemory))
            return;
        espeak_ng_SetParameter(espeakVOLUME, volume_.load(), 0);
        SynthesizeSegment(text, &sink);
        rate = espeak_ng_GetSampleRate();
    }
    if (rate <= 0)
        return;
    const auto duration = std::chrono::microseconds(int64_t(sink.samples * 1000000.0 / rate));
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait_for(lock, duration, [this, generation] { return Cancelled(generation); });
}

} // namespace ck
