//! A page too deeply nested to build as a tree ([`super::tree`]), read as
//! flat visible text: html5ever's tokenizer (linear, no tree) gives the tags
//! and text; every block-level tag ends a block, text in scripts, styles and
//! other invisible elements is left out, link text is counted as such. No
//! containers are known, so the body is the whole visible text.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use super::dom::{Builder, Page, BLOCK, BREAK, SKIP};

struct FlatSink<'a> {
    builder: RefCell<Builder<'a>>,
}

impl TokenSink for FlatSink<'_> {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut b = self.builder.borrow_mut();
        match token {
            Token::TagToken(tag) => {
                let name: &str = &tag.name;
                let start = tag.kind == TagKind::StartTag;
                let delta = if start { 1 } else { -1 };
                if SKIP.contains(&name) && !(start && tag.self_closing) {
                    b.nest(delta, 0);
                }
                if name == "a" {
                    b.nest(0, delta);
                }
                if BLOCK.contains(&name) || BREAK.contains(&name) {
                    b.flush();
                }
                if start {
                    // The tokenizer reads these elements' content as raw text.
                    match name {
                        "script" => return TokenSinkResult::RawData(RawKind::ScriptData),
                        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                            return TokenSinkResult::RawData(RawKind::Rawtext)
                        }
                        "title" | "textarea" => return TokenSinkResult::RawData(RawKind::Rcdata),
                        "plaintext" => return TokenSinkResult::Plaintext,
                        _ => {}
                    }
                }
            }
            Token::CharacterTokens(t) if !b.skipping() => b.text(&t),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// Flatten a page from its token stream.
pub fn flatten(src: &str) -> Page {
    let sink = FlatSink {
        builder: RefCell::new(Builder::new(src)),
    };
    let tok = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(src));
    let _ = tok.feed(&input);
    tok.end();
    tok.sink.builder.into_inner().finish()
}
