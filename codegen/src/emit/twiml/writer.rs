//! `src/xml.rs` of a TwiML crate: the writer its builders share. The same for every
//! TwiML crate, so it is a template here; a TwiML crate depends on nothing.

use proc_macro2::TokenStream;
use quote::quote;

pub fn emit() -> TokenStream {
    let parts = [
        header(),
        values(),
        elements(),
        error(),
        writing(),
        element_writer(),
        escaping(),
    ];
    quote!(#(#parts)*)
}

/// The module's docs and imports: inner docs must open the file.
fn header() -> TokenStream {
    quote! {
        //! The writer every builder shares. An element holds its own attributes (each
        //! in its slot, in name order) and text borrowed or owned as given, and is
        //! written into its parent's buffer when it is added: a document is a few
        //! buffers, not a tree of allocations, and text and values are escaped as
        //! they are written (see the `twiml` benchmark).

        use ::std::borrow::Cow;
        use ::std::fmt;
    }
}

/// The values setters set, and the attributes set by name.
fn values() -> TokenStream {
    quote! {
        /// Written before the response, as Twilio's libraries write it.
        const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

        /// A value set by a setter: text (escaped when written), one of an enum's
        /// values that need no escaping (the generator checked each), a number or a
        /// flag.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub(crate) enum Value<'a> {
            Text(Cow<'a, str>),
            Plain(&'static str),
            Number(u32),
            Flag(bool),
        }

        impl Value<'_> {
            /// Writes the value as it is, text unescaped.
            fn push_unescaped(&self, out: &mut ::std::string::String) {
                match self {
                    Value::Text(text) => out.push_str(text),
                    Value::Plain(text) => out.push_str(text),
                    Value::Number(n) => push_u32(out, *n),
                    Value::Flag(b) => out.push_str(if *b { "true" } else { "false" }),
                }
            }
        }

        /// Attributes set by name (`attribute`) that no setter has: at most one of
        /// each name, in the order set.
        pub(crate) type Extras<'a> = ::std::vec::Vec<(Cow<'a, str>, Cow<'a, str>)>;

        /// Sets the attribute `name`, replacing a value set before: a setter's goes to
        /// its slot (`attributes` are the setters' as written, ` name="`, in name
        /// order), so the last value set wins however it was set; any other is an extra.
        pub(crate) fn set_attribute<'a>(
            attributes: &[&str],
            values: &mut [::std::option::Option<Value<'a>>],
            extras: &mut Extras<'a>,
            name: Cow<'a, str>,
            value: Cow<'a, str>,
        ) {
            if let ::std::result::Result::Ok(slot) = attributes.binary_search_by(|a| bare(a).cmp(name.as_ref())) {
                values[slot] = ::std::option::Option::Some(Value::Text(value));
            } else if let ::std::option::Option::Some(extra) = extras.iter_mut().find(|(n, _)| *n == name) {
                extra.1 = value;
            } else {
                extras.push((name, value));
            }
        }

        /// Values joined by spaces, as TwiML writes a list (`initiated completed`):
        /// text, escaped when written.
        pub(crate) fn join<'a>(values: impl ::std::iter::Iterator<Item = Value<'a>>) -> Value<'a> {
            // Room for the description's one list, `<Gather input>` (`dtmf
            // speech`): one allocation, not one a doubling.
            let mut joined = ::std::string::String::with_capacity(16);
            for value in values {
                if !joined.is_empty() {
                    joined.push(' ');
                }
                value.push_unescaped(&mut joined);
            }
            Value::Text(Cow::Owned(joined))
        }

        /// An attribute's name from the way it is written, ` name="`.
        fn bare(written: &str) -> &str {
            &written[1..written.len() - 2]
        }
    }
}

/// An element's children, written into it as they are added.
fn elements() -> TokenStream {
    quote! {
        /// An element's children, written as they were added, and the first error
        /// one of them had (reported when the document is written; boxed, as it is
        /// rare and every builder that holds children is moved by each call).
        #[derive(Debug, Clone, PartialEq, Eq, Default)]
        pub(crate) struct Children {
            xml: ::std::string::String,
            error: ::std::option::Option<::std::boxed::Box<TwimlError>>,
        }

        impl Children {
            /// Appends what `write` writes; on an error, nothing of it.
            pub(crate) fn add(&mut self, write: impl FnOnce(&mut ::std::string::String) -> ::std::result::Result<(), TwimlError>) {
                if self.xml.capacity() == 0 {
                    // Most documents fit (the benchmark's 20 elements take 952
                    // bytes); one allocation instead of several.
                    self.xml.reserve(1024);
                }
                let before = self.xml.len();
                if let ::std::result::Result::Err(e) = write(&mut self.xml) {
                    self.xml.truncate(before);
                    self.error.get_or_insert(::std::boxed::Box::new(e));
                }
            }
        }

    }
}

/// The error of a document that can't be written.
fn error() -> TokenStream {
    quote! {
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
    }
}

/// The document written, and the values of attributes.
fn writing() -> TokenStream {
    quote! {
        /// The declaration, then what `root` writes (the `<Response>`).
        pub(crate) fn document(
            children: &Children,
            root: impl FnOnce(&mut ::std::string::String) -> ::std::result::Result<(), TwimlError>,
        ) -> ::std::result::Result<::std::string::String, TwimlError> {
            let mut out = ::std::string::String::with_capacity(DECLARATION.len() + 32 + children.xml.len());
            out.push_str(DECLARATION);
            root(&mut out)?;
            ::std::result::Result::Ok(out)
        }

        /// Writes an attribute's value (`written` is the attribute, ` name="`):
        /// text escaped, the rest as it is.
        fn push_value(out: &mut ::std::string::String, tag: &'static str, written: &str, value: &Value<'_>) -> ::std::result::Result<(), TwimlError> {
            match value {
                Value::Text(text) => escape(text, true, out).map_err(|code_point| TwimlError::Character {
                    element: tag,
                    attribute: ::std::option::Option::Some(bare(written).to_string()),
                    code_point,
                }),
                plain => {
                    plain.push_unescaped(out);
                    ::std::result::Result::Ok(())
                }
            }
        }

        /// `n` in decimal, without `fmt`'s machinery (many elements have a number).
        fn push_u32(out: &mut ::std::string::String, n: u32) {
            if n >= 10 {
                push_u32(out, n / 10);
            }
            out.push(char::from(b'0' + (n % 10) as u8));
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
    }
}

/// An element written: its start, attributes and end.
fn element_writer() -> TokenStream {
    quote! {
        /// An element being written into its parent's buffer: `start` writes
        /// `<tag`, `attribute` or `merged` its attributes, `end` the rest. Each
        /// element's writer calls them with constants (its tag, ` name="`), and
        /// all but `merged` are inlined into it, so that each piece is copied as a
        /// store or two rather than by a call: a document is mostly short pieces
        /// (see the `twiml` benchmark).
        pub(crate) struct Element<'o> {
            out: &'o mut ::std::string::String,
            tag: &'static str,
        }

        impl<'o> Element<'o> {
            /// Writes `open`, `<tag`.
            #[inline(always)]
            pub(crate) fn start(out: &'o mut ::std::string::String, open: &'static str) -> Self {
                out.push_str(open);
                Element { out, tag: &open[1..] }
            }

            /// Writes the attribute ` name="value"` (`written` is ` name="`) if it
            /// is set.
            #[inline(always)]
            pub(crate) fn attribute(
                &mut self,
                written: &'static str,
                value: &::std::option::Option<Value<'_>>,
            ) -> ::std::result::Result<(), TwimlError> {
                match value {
                    ::std::option::Option::Some(value) => self.pair(written, value),
                    ::std::option::Option::None => ::std::result::Result::Ok(()),
                }
            }

            /// Writes ` name="` (`written`), the value and `"`.
            #[inline(always)]
            fn pair(&mut self, written: &str, value: &Value<'_>) -> ::std::result::Result<(), TwimlError> {
                self.out.push_str(written);
                push_value(self.out, self.tag, written, value)?;
                self.out.push('"');
                ::std::result::Result::Ok(())
            }

            /// Writes the attributes of an element some of which were set by name
            /// (`attribute`), merged into name order: rare, so this one allocates.
            /// `attributes` are the setters' as written, ` name="`, in name order.
            pub(crate) fn merged(
                &mut self,
                attributes: &[&'static str],
                values: &[::std::option::Option<Value<'_>>],
                extras: &Extras<'_>,
            ) -> ::std::result::Result<(), TwimlError> {
                let set = attributes.iter().zip(values).filter_map(|(name, value)| ::std::option::Option::Some((*name, value.as_ref()?)));
                let mut all: ::std::vec::Vec<(Cow<'_, str>, Cow<'_, Value<'_>>)> =
                    set.map(|(n, v)| (Cow::Borrowed(n), Cow::Borrowed(v))).collect();
                for (name, value) in extras {
                    if !is_name(name) {
                        return ::std::result::Result::Err(TwimlError::AttributeName { element: self.tag, name: name.to_string() });
                    }
                    let written = Cow::Owned(::std::format!(" {name}=\""));
                    all.push((written, Cow::Owned(Value::Text(Cow::Borrowed(value)))));
                }
                all.sort_by(|a, b| bare(&a.0).cmp(bare(&b.0)));
                all.iter().try_for_each(|(written, value)| self.pair(written, value))
            }

            /// Ends the element: ` />` if it holds nothing, else its text, escaped,
            /// its children and `close`, `</tag>`. The first error of a child is the
            /// element's.
            #[inline(always)]
            pub(crate) fn end(
                self,
                text: &str,
                children: ::std::option::Option<&Children>,
                close: &'static str,
            ) -> ::std::result::Result<(), TwimlError> {
                if let ::std::option::Option::Some(error) = children.and_then(|c| c.error.as_deref()) {
                    return ::std::result::Result::Err(error.clone());
                }
                let children = children.map_or("", |c| c.xml.as_str());
                if text.is_empty() && children.is_empty() {
                    self.out.push_str(" />");
                    return ::std::result::Result::Ok(());
                }
                self.out.push('>');
                // Folded away where the element has no text (`""`).
                if !text.is_empty() {
                    escape(text, false, self.out).map_err(|code_point| TwimlError::Character {
                        element: self.tag,
                        attribute: ::std::option::Option::None,
                        code_point,
                    })?;
                }
                self.out.push_str(children);
                self.out.push_str(close);
                ::std::result::Result::Ok(())
            }
        }
    }
}

/// Whether a value known when generating (an enum's) is written as it is: `escape`
/// below neither replaces nor refuses anything in it (it is checked against more: every
/// control character), so the element keeps it as `Value::Plain` and the writer skips
/// the scan, which is most of what writing a short value costs.
pub(super) fn written_as_is(value: &str) -> bool {
    !value
        .chars()
        .any(|c| matches!(c, '&' | '<' | '>' | '"' | '\u{fffe}' | '\u{ffff}') || c.is_control())
}

/// Text and attribute values escaped.
fn escaping() -> TokenStream {
    // What `escape` replaces or refuses, `written_as_is` above must not let through.
    quote! {
        /// Writes `text` escaped as Twilio's Python library escapes it: `&`, `<` and `>`
        /// always; in an attribute also `"`, tab, line feed and carriage return; the rest
        /// as it is, in UTF-8. The error is the code point of a character XML 1.0 can't
        /// carry.
        fn escape(text: &str, attribute: bool, out: &mut ::std::string::String) -> ::std::result::Result<(), u32> {
            let bytes = text.as_bytes();
            let mut plain = 0;
            let mut i = plain_len(bytes);
            while i < bytes.len() {
                let b = bytes[i];
                i += 1;
                let replacement = match b {
                    b'&' => "&amp;",
                    b'<' => "&lt;",
                    b'>' => "&gt;",
                    b'"' if attribute => "&quot;",
                    b'\t' if attribute => "&#09;",
                    b'\n' if attribute => "&#10;",
                    b'\r' if attribute => "&#13;",
                    0..=0x1f if !matches!(b, b'\t' | b'\n' | b'\r') => {
                        return ::std::result::Result::Err(u32::from(b));
                    }
                    // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
                    0xef if bytes.get(i) == ::std::option::Option::Some(&0xbf)
                        && matches!(bytes.get(i + 1), ::std::option::Option::Some(0xbe | 0xbf)) =>
                    {
                        return ::std::result::Result::Err(0xfffe + u32::from(bytes[i + 1] - 0xbe));
                    }
                    _ => {
                        i += plain_len(&bytes[i..]);
                        continue;
                    }
                };
                out.push_str(&text[plain..i - 1]);
                out.push_str(replacement);
                plain = i;
                i += plain_len(&bytes[i..]);
            }
            out.push_str(&text[plain..]);
            ::std::result::Result::Ok(())
        }

        /// How many of the first bytes of `bytes` `escape` can pass over unread: up
        /// to the first that is below 0x20, `&`, `<`, `>` or `"`, or 0xEF (where U+FFFE
        /// and U+FFFF start). One table lookup a byte: the `twiml` benchmark measured
        /// testing eight bytes at once as no faster on its values, for twice the code.
        fn plain_len(bytes: &[u8]) -> usize {
            const CARE: [bool; 256] = {
                let mut care = [false; 256];
                let mut b = 0;
                while b < 0x20 {
                    care[b] = true;
                    b += 1;
                }
                care[b'&' as usize] = true;
                care[b'<' as usize] = true;
                care[b'>' as usize] = true;
                care[b'"' as usize] = true;
                care[0xef] = true;
                care
            };
            bytes.iter().position(|&b| CARE[usize::from(b)]).unwrap_or(bytes.len())
        }
    }
}
