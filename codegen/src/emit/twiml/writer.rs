//! `src/xml.rs` of a TwiML crate: the writer its builders share. The same for every
//! TwiML crate, so it is a template here; a TwiML crate depends on nothing.

use proc_macro2::TokenStream;
use quote::quote;

pub fn emit() -> TokenStream {
    quote! {
        //! The writer every builder shares. An element holds its own attributes (each
        //! in its slot, in name order) and text borrowed or owned as given, and is
        //! written into its parent's buffer when it is added: a document is a few
        //! buffers, not a tree of allocations, and text and values are escaped as
        //! they are written (see the `twiml` benchmark).

        use ::std::borrow::Cow;
        use ::std::fmt;

        /// Written before the response, as Twilio's libraries write it.
        const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

        /// A value set by a setter: text (escaped when written), a number or a flag.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub(crate) enum Value<'a> {
            Text(Cow<'a, str>),
            Number(u32),
            Flag(bool),
        }

        /// Attributes set by name (`attribute`) that no setter has: at most one of
        /// each name, in the order set.
        pub(crate) type Extras<'a> = ::std::vec::Vec<(Cow<'a, str>, Cow<'a, str>)>;

        /// Sets the attribute `name`, replacing a value set before: a setter's goes to
        /// its slot (`names` are the setters' in name order), so the last value set
        /// wins however it was set; any other is an extra.
        pub(crate) fn set_attribute<'a>(
            names: &[&str],
            values: &mut [::std::option::Option<Value<'a>>],
            extras: &mut Extras<'a>,
            name: Cow<'a, str>,
            value: Cow<'a, str>,
        ) {
            if let ::std::result::Result::Ok(slot) = names.binary_search(&name.as_ref()) {
                values[slot] = ::std::option::Option::Some(Value::Text(value));
            } else if let ::std::option::Option::Some(extra) = extras.iter_mut().find(|(n, _)| *n == name) {
                extra.1 = value;
            } else {
                extras.push((name, value));
            }
        }

        /// Values joined by spaces, as TwiML writes a list (`initiated completed`).
        pub(crate) fn join<'a>(values: impl ::std::iter::Iterator<Item = Cow<'a, str>>) -> ::std::string::String {
            let mut joined = ::std::string::String::new();
            for value in values {
                if !joined.is_empty() {
                    joined.push(' ');
                }
                joined.push_str(&value);
            }
            joined
        }

        /// An element's children, written as they were added, and the first error
        /// one of them had (reported when the document is written).
        #[derive(Debug, Clone, PartialEq, Eq, Default)]
        pub(crate) struct Children {
            xml: ::std::string::String,
            error: ::std::option::Option<TwimlError>,
        }

        impl Children {
            /// Appends what `write` writes; on an error, nothing of it.
            pub(crate) fn add(&mut self, write: impl FnOnce(&mut ::std::string::String) -> ::std::result::Result<(), TwimlError>) {
                if self.xml.capacity() == 0 {
                    // Most documents fit; one allocation instead of several.
                    self.xml.reserve(512);
                }
                let before = self.xml.len();
                if let ::std::result::Result::Err(e) = write(&mut self.xml) {
                    self.xml.truncate(before);
                    self.error.get_or_insert(e);
                }
            }
        }

        /// An element as its builder holds it: the tag, the setters' attribute names
        /// in name order and their values, the extras, the text and the children.
        pub(crate) struct Parts<'e, 'a> {
            pub(crate) tag: &'static str,
            pub(crate) names: &'static [&'static str],
            pub(crate) values: &'e [::std::option::Option<Value<'a>>],
            pub(crate) extras: &'e Extras<'a>,
            pub(crate) text: &'e str,
            pub(crate) children: ::std::option::Option<&'e Children>,
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

        /// The declaration and the `<Response>` of `root`, escaped.
        pub(crate) fn document(root: Parts<'_, '_>) -> ::std::result::Result<::std::string::String, TwimlError> {
            let children = root.children.map_or(0, |c| c.xml.len());
            let mut out = ::std::string::String::with_capacity(DECLARATION.len() + 32 + children);
            out.push_str(DECLARATION);
            write(&mut out, root)?;
            ::std::result::Result::Ok(out)
        }

        /// Writes one element, its attributes in name order.
        pub(crate) fn write(out: &mut ::std::string::String, e: Parts<'_, '_>) -> ::std::result::Result<(), TwimlError> {
            if let ::std::option::Option::Some(error) = e.children.and_then(|c| c.error.as_ref()) {
                return ::std::result::Result::Err(error.clone());
            }
            out.push('<');
            out.push_str(e.tag);
            let set = e.names.iter().zip(e.values).filter_map(|(name, value)| ::std::option::Option::Some((*name, value.as_ref()?)));
            if e.extras.is_empty() {
                for (name, value) in set {
                    attribute(out, e.tag, name, value)?;
                }
            } else {
                // Merged into name order: rare, so this one allocates.
                let mut all: ::std::vec::Vec<(&str, Cow<'_, Value<'_>>)> = set.map(|(n, v)| (n, Cow::Borrowed(v))).collect();
                for (name, value) in e.extras {
                    if !is_name(name) {
                        return ::std::result::Result::Err(TwimlError::AttributeName { element: e.tag, name: name.to_string() });
                    }
                    all.push((name, Cow::Owned(Value::Text(Cow::Borrowed(value)))));
                }
                all.sort_by(|a, b| a.0.cmp(b.0));
                for (name, value) in &all {
                    attribute(out, e.tag, name, value)?;
                }
            }
            let children = e.children.map_or("", |c| c.xml.as_str());
            if e.text.is_empty() && children.is_empty() {
                out.push_str(" />");
                return ::std::result::Result::Ok(());
            }
            out.push('>');
            escape(e.text, false, out).map_err(|code_point| TwimlError::Character {
                element: e.tag,
                attribute: ::std::option::Option::None,
                code_point,
            })?;
            out.push_str(children);
            out.push_str("</");
            out.push_str(e.tag);
            out.push('>');
            ::std::result::Result::Ok(())
        }

        fn attribute(out: &mut ::std::string::String, tag: &'static str, name: &str, value: &Value<'_>) -> ::std::result::Result<(), TwimlError> {
            out.push(' ');
            out.push_str(name);
            out.push_str("=\"");
            match value {
                Value::Text(text) => escape(text, true, out).map_err(|code_point| TwimlError::Character {
                    element: tag,
                    attribute: ::std::option::Option::Some(name.to_string()),
                    code_point,
                })?,
                Value::Number(n) => push_u32(out, *n),
                Value::Flag(b) => out.push_str(if *b { "true" } else { "false" }),
            }
            out.push('"');
            ::std::result::Result::Ok(())
        }

        /// `n` in decimal, without `fmt`'s machinery (many elements have a number).
        fn push_u32(out: &mut ::std::string::String, mut n: u32) {
            let mut digits = [0u8; 10];
            let mut at = digits.len();
            loop {
                at -= 1;
                digits[at] = b'0' + (n % 10) as u8;
                n /= 10;
                if n == 0 {
                    break;
                }
            }
            for &d in &digits[at..] {
                out.push(char::from(d));
            }
        }

        /// An attribute name a namespace-aware parser takes without a declaration: an
        /// ASCII name without a colon (a letter or `_`, then letters, digits, `_`, `-`
        /// and `.`) that doesn't start `xmlns`, which would declare a namespace; or one
        /// of the four attributes the `xml:` namespace defines (`xml:lang`). (The
        /// fuzzer found `xml:xmlns`, which a parser doesn't read back.)
        fn is_name(name: &str) -> bool {
            if let ::std::option::Option::Some(local) = name.strip_prefix("xml:") {
                return matches!(local, "lang" | "space" | "base" | "id");
            }
            name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                && name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
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
