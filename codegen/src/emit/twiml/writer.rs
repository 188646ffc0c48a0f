//! `src/xml.rs` of a TwiML crate: the element tree its builders fill, and the writer
//! that escapes it. The same for every TwiML crate, so it is a template here; a TwiML
//! crate depends on nothing.

use proc_macro2::TokenStream;
use quote::quote;

pub fn emit() -> TokenStream {
    quote! {
        //! The element tree the builders fill, and the writer that escapes it.

        use ::std::borrow::Cow;
        use ::std::fmt;

        /// Written before the response, as Twilio's libraries write it.
        const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

        /// An element: its tag, attributes (at most one of each name), text and children.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub(crate) struct Element {
            tag: &'static str,
            attributes: ::std::vec::Vec<(Cow<'static, str>, ::std::string::String)>,
            text: ::std::string::String,
            children: ::std::vec::Vec<Element>,
        }

        impl Element {
            pub(crate) fn new(tag: &'static str) -> Self {
                Element {
                    tag,
                    attributes: ::std::vec::Vec::new(),
                    text: ::std::string::String::new(),
                    children: ::std::vec::Vec::new(),
                }
            }

            pub(crate) fn with_text(mut self, text: ::std::string::String) -> Self {
                self.text = text;
                self
            }

            /// Sets `name`, replacing a value set before.
            pub(crate) fn set(
                &mut self,
                name: impl ::std::convert::Into<Cow<'static, str>>,
                value: ::std::string::String,
            ) {
                let name = name.into();
                match self.attributes.iter_mut().find(|(n, _)| *n == name) {
                    ::std::option::Option::Some(slot) => slot.1 = value,
                    ::std::option::Option::None => self.attributes.push((name, value)),
                }
            }

            pub(crate) fn push(&mut self, child: Element) {
                self.children.push(child);
            }
        }

        /// Values joined by spaces, as TwiML writes a list (`initiated completed`).
        pub(crate) fn join(values: impl ::std::iter::Iterator<Item = ::std::string::String>) -> ::std::string::String {
            values.collect::<::std::vec::Vec<_>>().join(" ")
        }

        /// Why a document can't be written: it would not be XML, or not the XML meant.
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum TwimlError {
            /// Text or an attribute value holds a character XML 1.0 can't carry (a
            /// control character other than tab, line feed and carriage return, or
            /// U+FFFE/U+FFFF).
            Character {
                /// The element's tag.
                element: &'static str,
                /// The attribute, or `None` for the element's text.
                attribute: ::std::option::Option<::std::string::String>,
                /// The character's code point.
                code_point: u32,
            },
            /// An attribute name set with `attribute` is not an XML name.
            AttributeName {
                /// The element's tag.
                element: &'static str,
                /// The name given.
                name: ::std::string::String,
            },
        }

        impl fmt::Display for TwimlError {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self {
                    TwimlError::Character { element, attribute: ::std::option::Option::Some(name), code_point } => write!(
                        f,
                        "the attribute {name} of <{element}> holds U+{code_point:04X}, which XML can't carry"
                    ),
                    TwimlError::Character { element, attribute: ::std::option::Option::None, code_point } => write!(
                        f,
                        "the text of <{element}> holds U+{code_point:04X}, which XML can't carry"
                    ),
                    TwimlError::AttributeName { element, name } => {
                        write!(f, "{name:?} is not an XML attribute name (on <{element}>)")
                    }
                }
            }
        }

        impl ::std::error::Error for TwimlError {}

        /// The declaration and `root`, escaped.
        pub(crate) fn document(root: &Element) -> ::std::result::Result<::std::string::String, TwimlError> {
            let mut out = ::std::string::String::with_capacity(256);
            out.push_str(DECLARATION);
            write(root, &mut out)?;
            ::std::result::Result::Ok(out)
        }

        // The depth is the builders' nesting, which their types bound (a few levels).
        fn write(e: &Element, out: &mut ::std::string::String) -> ::std::result::Result<(), TwimlError> {
            out.push('<');
            out.push_str(e.tag);
            let mut attributes: ::std::vec::Vec<&(Cow<'static, str>, ::std::string::String)> =
                e.attributes.iter().collect();
            attributes.sort_by(|a, b| a.0.cmp(&b.0));
            for (name, value) in attributes {
                if !is_name(name) {
                    return ::std::result::Result::Err(TwimlError::AttributeName {
                        element: e.tag,
                        name: name.to_string(),
                    });
                }
                out.push(' ');
                out.push_str(name);
                out.push_str("=\"");
                escape(value, true, out).map_err(|code_point| TwimlError::Character {
                    element: e.tag,
                    attribute: ::std::option::Option::Some(name.to_string()),
                    code_point,
                })?;
                out.push('"');
            }
            if e.text.is_empty() && e.children.is_empty() {
                out.push_str(" />");
                return ::std::result::Result::Ok(());
            }
            out.push('>');
            escape(&e.text, false, out).map_err(|code_point| TwimlError::Character {
                element: e.tag,
                attribute: ::std::option::Option::None,
                code_point,
            })?;
            for child in &e.children {
                write(child, out)?;
            }
            out.push_str("</");
            out.push_str(e.tag);
            out.push('>');
            ::std::result::Result::Ok(())
        }

        /// An XML name as attributes take them: a letter or `_`, then letters, digits,
        /// `_`, `-`, `.` and `:`, all ASCII.
        fn is_name(name: &str) -> bool {
            name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':'))
        }

        /// Writes `text` escaped as Twilio's Python library escapes it: `&`, `<` and `>`
        /// always; in an attribute also `"`, tab, line feed and carriage return; the rest
        /// as it is, in UTF-8. Runs without an escape are copied whole. The error is the
        /// code point of a character XML 1.0 can't carry.
        fn escape(text: &str, attribute: bool, out: &mut ::std::string::String) -> ::std::result::Result<(), u32> {
            let mut plain = 0;
            for (i, c) in text.char_indices() {
                let replacement: &str = match c {
                    '&' => "&amp;",
                    '<' => "&lt;",
                    '>' => "&gt;",
                    '"' if attribute => "&quot;",
                    '\t' if attribute => "&#09;",
                    '\n' if attribute => "&#10;",
                    '\r' if attribute => "&#13;",
                    '\t' | '\n' | '\r' => continue,
                    c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                        return ::std::result::Result::Err(c as u32);
                    }
                    _ => continue,
                };
                out.push_str(&text[plain..i]);
                out.push_str(replacement);
                plain = i + c.len_utf8();
            }
            out.push_str(&text[plain..]);
            ::std::result::Result::Ok(())
        }
    }
}
