// The CSV state machine. Quoted fields are unescaped on the fly; when a quote turns out never to
// be closed, the raw text since that quote is rebuilt (every quote inside was doubled) and read
// again with the quote as an ordinary character, so no row is swallowed by a stray quote. Every
// scan stops where the current record would pass its size limit.
#include "core/import/csv_tokenizer.hpp"

#include <cstring>
#include <deque>

namespace radar {

CsvTokenizer::CsvTokenizer(char delimiter, std::uint32_t first_line, std::size_t max_record_bytes)
    : delimiter_(delimiter), max_record_bytes_(max_record_bytes), scanner_(delimiter), line_(first_line) {}

void CsvTokenizer::copy_uncopied(const char* upto) {
    buffer_.append(uncopied_from_, static_cast<std::size_t>(upto - uncopied_from_));
    uncopied_from_ = upto;
    direct_ = false;
}

void CsvTokenizer::drop_kept_records() {
    buffer_.erase(0, record_bytes_at_);
    field_ends_.erase(field_ends_.begin(), field_ends_.begin() + static_cast<std::ptrdiff_t>(record_fields_at_));
    record_bytes_at_ = 0;
    record_fields_at_ = 0;
}

void CsvTokenizer::release_records() {
    if (!emitting_) {
        drop_kept_records();
        return;
    }
    // The record being emitted is still in use: its room is settled once on_record returns. If
    // the sink kept it before releasing, it was released with the others.
    release_pending_ = true;
    keep_current_ = false;
}

void CsvTokenizer::emit(CsvRecordSink& sink) {
    CsvRecord record;
    const std::size_t length = field_ends_.back();
    record.buffer = direct_ ? std::string_view(uncopied_from_, length)
                            : std::string_view(buffer_.data() + record_bytes_at_, length);
    record.field_ends = field_ends_.data() + record_fields_at_;
    record.field_count = field_ends_.size() - record_fields_at_;
    record.row = next_row_++;
    record.line = record_line_;
    record.has_non_ascii = has_non_ascii_;
    record.unbalanced_quote = unbalanced_quote_;
    emitting_ = true;
    sink.on_record(record);
    emitting_ = false;
    if (release_pending_) {
        release_pending_ = false;
        drop_kept_records();
    }
    if (keep_current_) {
        keep_current_ = false;
        record_bytes_at_ = buffer_.size();
        record_fields_at_ = field_ends_.size();
    } else {
        buffer_.resize(record_bytes_at_);
        field_ends_.resize(record_fields_at_);
    }
    has_non_ascii_ = false;
    unbalanced_quote_ = false;
    in_record_ = false;
}

const char* CsvTokenizer::record_limit(const char* begin, const char* p, const char* end) const {
    // The record has read at most the limit so far: past it, the reading would have stopped.
    const std::uint64_t allowed = max_record_bytes_ + 1 - record_bytes(begin, p);
    return allowed < static_cast<std::uint64_t>(end - p) ? p + allowed : end;
}

void CsvTokenizer::stop_too_long(CsvRecordSink& sink) {
    too_long_ = true;
    in_record_ = false;
    // The sink may still store the records it kept before their room is freed.
    sink.on_record_too_long(next_row_, record_line_, state_ == State::quoted);
    std::string().swap(buffer_);
    std::vector<std::uint32_t>().swap(field_ends_);
    record_bytes_at_ = 0;
    record_fields_at_ = 0;
}

void CsvTokenizer::take_back_quoted_field(std::string& replay, bool with_closing_quote) {
    replay.clear();
    const std::size_t quote_at = record_bytes_at_ + quote_start_;
    for (std::size_t i = quote_at; i < buffer_.size(); ++i) {
        if (buffer_[i] == '"') replay.push_back('"');  // it was written doubled
        replay.push_back(buffer_[i]);
    }
    if (with_closing_quote) replay.push_back('"');
    position_ -= replay.size();  // these bytes are read again
    buffer_.resize(quote_at);
    buffer_.push_back('"');  // the opening quote, now an ordinary character
    line_ -= quoted_line_breaks_;  // they are counted again when the replay is read
    quoted_line_breaks_ = 0;
    unbalanced_quote_ = true;
    state_ = State::unquoted;
}

const char* CsvTokenizer::run(const char* p, const char* end, CsvRecordSink& sink, std::string& replay) {
    const char* const begin = p;
    scanner_.reset();
    // The current record may be read up to `limit`. Every scan stops there; reaching it with the
    // record still open and past the size limit stops the reading. The checks sit where a scan
    // stops, off the path of ordinary unquoted fields.
    const char* limit = in_record_ ? record_limit(begin, p, end) : end;
    if (in_record_) uncopied_from_ = p;  // a copied record goes on in this input
    const auto too_long_at = [&](const char* at) { return at == limit && record_bytes(begin, at) > max_record_bytes_; };
    while (p < end) {
        if (state_ == State::after_cr) {
            state_ = State::field_start;
            if (*p == '\n') {
                ++p;
                continue;
            }
        }
        if (!in_record_) {
            in_record_ = true;
            record_line_ = line_;
            direct_ = true;
            uncopied_from_ = p;
            record_start_ = position_ + static_cast<std::uint64_t>(p - begin);
            limit = record_limit(begin, p, end);
        }
        switch (state_) {
        case State::field_start:
            if (*p == '"') {
                if (too_long_at(p)) {
                    stop_too_long(sink);
                    return end;
                }
                copy_uncopied(p);
                state_ = State::quoted;
                quote_start_ = buffer_.size() - record_bytes_at_;
                quoted_line_breaks_ = 0;
                ++p;
                break;
            }
            state_ = State::unquoted;
            [[fallthrough]];
        case State::unquoted:
            // Field after field of the record is read in this loop, as long as none opens with a quote.
            for (;;) {
                p = scanner_.next_special(p, limit);
                if (p == limit) {
                    if (too_long_at(p)) {
                        stop_too_long(sink);
                        return end;
                    }
                    break;
                }
                const char c = *p++;
                if (c == delimiter_) {
                    end_field(p - 1);
                    if (p < limit && *p != '"') continue;
                    state_ = State::field_start;
                } else if (c == '\n' || c == '\r') {
                    end_field(p - 1);
                    if (!direct_) copy_uncopied(p - 1);
                    ++line_;
                    emit(sink);
                    state_ = c == '\r' ? State::after_cr : State::field_start;
                } else {
                    has_non_ascii_ = true;
                    continue;
                }
                break;
            }
            break;
        case State::quoted: {
            const void* quote = std::memchr(p, '"', static_cast<std::size_t>(limit - p));
            const char* run_end = quote ? static_cast<const char*>(quote) : limit;
            std::uint32_t line_breaks = 0;
            for (const char* q = p; q < run_end; ++q) {
                line_breaks += *q == '\n' ? 1 : 0;
                has_non_ascii_ |= static_cast<unsigned char>(*q) >= 0x80;
            }
            quoted_line_breaks_ += line_breaks;
            line_ += line_breaks;
            buffer_.append(p, run_end);
            p = run_end;
            if (quote) {
                ++p;
                state_ = State::quote_in_quoted;
            } else if (too_long_at(p)) {
                stop_too_long(sink);
                return end;
            }
            break;
        }
        case State::quote_in_quoted:
            if (too_long_at(p)) {
                stop_too_long(sink);
                return end;
            }
            if (*p == '"') {
                buffer_.push_back('"');
                ++p;
                state_ = State::quoted;
            } else if (*p == delimiter_ || *p == '\n' || *p == '\r') {
                state_ = State::unquoted;  // the field is closed; the unquoted step ends it
                uncopied_from_ = p;
            } else {
                // Text after a closing quote: that quote did not close a field, the opening
                // one was stray. Read everything since the opening quote again as plain text.
                position_ += static_cast<std::uint64_t>(p - begin);
                take_back_quoted_field(replay, true);
                return p;
            }
            break;
        case State::after_cr: break;  // handled before the switch
        }
    }
    // The input ended where the limit is, after a delimiter or a closing quote.
    if (in_record_ && record_bytes(begin, p) > max_record_bytes_) {
        stop_too_long(sink);
        return end;
    }
    // The record goes on in the next input: keep its bytes (a quoted field's are copied already).
    if (in_record_ && (state_ == State::field_start || state_ == State::unquoted)) copy_uncopied(p);
    position_ += static_cast<std::uint64_t>(p - begin);
    return p;
}

void CsvTokenizer::process(std::string_view input, CsvRecordSink& sink) {
    // Replays are read before the rest of their input; a deque keeps every view valid.
    std::deque<std::string> replays;
    std::vector<std::string_view> pending{input};
    std::string replay;
    while (!pending.empty() && !too_long_) {
        const std::string_view text = pending.back();
        pending.pop_back();
        const char* end = text.data() + text.size();
        const char* stop = run(text.data(), end, sink, replay);
        if (stop == end && replay.empty()) continue;
        pending.emplace_back(stop, static_cast<std::size_t>(end - stop));
        replays.push_back(std::move(replay));
        replay.clear();
        pending.push_back(replays.back());
    }
}

void CsvTokenizer::feed(std::string_view bytes, CsvRecordSink& sink) {
    if (!too_long_) process(bytes, sink);
}

void CsvTokenizer::finish(CsvRecordSink& sink) {
    if (too_long_) return;
    // A quote still open at the end of the file was never closed: read its text again.
    while (state_ == State::quoted) {
        std::string replay;
        take_back_quoted_field(replay, false);
        process(replay, sink);
    }
    if (in_record_) {
        end_field(uncopied_from_);  // the last input's end: the record is copied whole
        emit(sink);
    }
    state_ = State::field_start;
}

}  // namespace radar
