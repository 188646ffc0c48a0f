//! `src/xml.rs` of a TwiML crate: the element tree its builders fill, and the writer
//! that escapes it. The same for every TwiML crate, so it is a template here; a TwiML
//! crate depends on nothing.

use proc_macro2::TokenStream;
use quote::quote;

pub fn emit() -> TokenStream {
    quote! {
        //! The element tree the builders fill, and the writer that escapes it. (Writing
        //! each element into its parent as it is built measured no faster, so the tree
        //! stays: see the `twiml` benchmark.)

        use ::std::borrow::Cow;
        use ::std::fmt;

        /// Written before the response, as Twilio's libraries write it.
        const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

        /// An element: its tag, attributes (at most one of each name, sorted by name),
        /// text and children.
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

            pub(crate) fn with_text(mut self, text: &str) -> Self {
                text.clone_into(&mut self.text);
                self
            }

            /// Sets `name`, replacing a value set before.
            pub(crate) fn set(&mut self, name: impl ::std::convert::Into<Cow<'static, str>>, value: &str) {
                // Kept in name order, the order they are written in.
                let name = name.into();
                let value = value.to_owned();
                match self.attributes.binary_search_by(|(n, _)| n.as_ref().cmp(name.as_ref())) {
                    ::std::result::Result::Ok(at) => self.attributes[at].1 = value,
                    ::std::result::Result::Err(at) => self.attributes.insert(at, (name, value)),
                }
            }

            /// `value` written in decimal.
            pub(crate) fn set_u32(&mut self, name: &'static str, value: u32) {
                self.set(name, &value.to_string());
            }

            pub(crate) fn push(&mut self, child: Element) {
                self.children.push(child);
            }
        }

        /// Values joined by spaces, as TwiML writes a list (`initiated completed`).
        pub(crate) fn join<'a>(values: impl ::std::iter::Iterator<Item = &'a str>) -> ::std::string::String {
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

        // The depth is the nesting the program built (SSML may nest), never outside input's.
        fn write(e: &Element, out: &mut ::std::string::String) -> ::std::result::Result<(), TwimlError> {
            out.push('<');
            out.push_str(e.tag);
            for (name, value) in &e.attributes {
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

        /// An attribute name a namespace-aware parser takes without a declaration: an
        /// ASCII name without a colon (a letter or `_`, then letters, digits, `_`, `-`
        /// and `.`), or one in the `xml:` namespace (`xml:lang`), and none starting
        /// `xmlns`, which would declare a namespace.
        fn is_name(name: &str) -> bool {
            let local = name.strip_prefix("xml:").unwrap_or(name);
            local.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                && local.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
                && !name.to_ascii_lowercase().starts_with("xmlns")
        }

        /// Writes `text` escaped as Twilio's Python library escapes it: `&`, `<` and `>`
        /// always; in an attribute also `"`, tab, line feed and carriage return; the rest
        /// as it is, in UTF-8. The error is the code point of a character XML 1.0 can't
        /// carry.
        fn escape(text: &str, attribute: bool, out: &mut ::std::string::String) -> ::std::result::Result<(), u32> {
            let bytes = text.as_bytes();
            let mut plain = 0;
            for (i, &b) in bytes.iter().enumerate() {
                let replacement = match b {
                    b'&' => "&amp;",
                    b'<' => "&lt;",
                    b'>' => "&gt;",
                    b'"' if attribute => "&quot;",
                    b'\t' if attribute => "&#09;",
                    b'\n' if attribute => "&#10;",
                    b'\r' if attribute => "&#13;",
                    b'\t' | b'\n' | b'\r' => continue,
                    0..=0x1f => return ::std::result::Result::Err(u32::from(b)),
                    // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
                    0xef if bytes.get(i + 1) == ::std::option::Option::Some(&0xbf)
                        && matches!(bytes.get(i + 2), ::std::option::Option::Some(0xbe | 0xbf)) =>
                    {
                        return ::std::result::Result::Err(0xfffe + u32::from(bytes[i + 2] - 0xbe));
                    }
                    _ => continue,
                };
                out.push_str(&text[plain..i]);
                out.push_str(replacement);
                plain = i + 1;
            }
            out.push_str(&text[plain..]);
            ::std::result::Result::Ok(())
        }
    }
}
