//! A TwiML crate: a module of builders per document (`voice`, `messaging`, `fax`), the
//! enums of attribute values at the root, and `xml`, the writer they share. A parent
//! has an adder only for the children its description allows, so a misplaced element
//! doesn't compile; text and attribute values are escaped when the document is written.

mod writer;

use super::docs::{doc, escape, lines};
use super::ident;
use crate::generated_crate::twiml_names as names;
use crate::model::{Api, Twiml, TwimlDocument, TwimlElement, TwimlText, TwimlType};
use proc_macro2::TokenStream;
use quote::quote;

/// The crate's Rust files: their paths, and the emitter of each.
pub fn jobs<'a>(api: &'a Api, twiml: &'a Twiml) -> Vec<super::RustJob<'a>> {
    let mut jobs: Vec<super::RustJob<'a>> = vec![
        (
            "src/lib.rs".into(),
            Box::new(move || Some(lib_rs(api, twiml))),
        ),
        (
            format!("src/{}.rs", names::WRITER_MODULE),
            Box::new(|| Some(writer::emit())),
        ),
    ];
    for d in &twiml.documents {
        jobs.push((
            format!("src/{}.rs", d.module),
            Box::new(move || Some(document(twiml, d))),
        ));
    }
    jobs
}

fn lib_rs(api: &Api, twiml: &Twiml) -> TokenStream {
    let docs = crate_docs(api, twiml);
    let writer = ident(names::WRITER_MODULE);
    let error = ident(names::ERROR);
    let modules = twiml.documents.iter().map(|d| {
        let (module, root) = (ident(&d.module), ident(&d.root));
        let text = format!(" {}: `{}` and its elements.", d.root, d.module);
        quote! {
            #[doc = #text]
            pub mod #module;
            pub use #module::#root;
        }
    });
    let enums = twiml.enums.iter().map(enumeration);
    quote! {
        #(#![doc = #docs])*
        #![deny(missing_docs)]
        #![forbid(unsafe_code)]
        // Builders' methods are named after the TwiML they add (`<sub>` is `sub`),
        // whatever standard trait has a method of that name.
        #![allow(clippy::should_implement_trait)]

        mod #writer;
        pub use #writer::#error;

        /// The README's example, compiled as a doctest so that what a new user copies
        /// builds.
        #[cfg(doctest)]
        #[doc = include_str!("../README.md")]
        pub struct ReadmeDoctests;
        #(#modules)*
        #(#enums)*
    }
}

fn crate_docs(api: &Api, twiml: &Twiml) -> Vec<String> {
    let mut docs = vec![format!(" # {}", escape(&api.title)), String::new()];
    if let Some(text) = &api.docs {
        docs.extend(lines(text));
        docs.push(String::new());
    }
    docs.extend(
        [
            "Generated from a description of TwiML by twilio-codegen. Each element is a",
            "builder with a setter per documented attribute; a parent has a method only for",
            "the children it may hold, so a misplaced element doesn't compile, and",
            "`attribute(name, value)` sets one this crate doesn't know yet.",
            "",
            "`to_xml` writes what Twilio's Python library writes, byte for byte: the XML",
            "declaration, attributes in name order, booleans as `true` and `false`, UTF-8,",
            "empty elements closed (`<Hangup />`). Text and values are always escaped; a",
            "character XML can't hold (a control character), or an attribute name that isn't",
            "one, is a [`TwimlError`] instead of a broken document.",
        ]
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!(" {l}")
            }
        }),
    );
    docs.push(String::new());
    docs.push(" Documents:".into());
    docs.push(String::new());
    for d in &twiml.documents {
        docs.push(format!(
            " - [`{}`]: {} ([Twilio's docs]({}))",
            d.root,
            escape(d.doc.trim()),
            escape(&d.source)
        ));
    }
    if let Some(code) = &api.quick_start {
        docs.extend([String::new(), " ```".to_string()]);
        docs.extend(code.trim_end().lines().map(|l| format!(" {l}")));
        docs.push(format!(
            " # Ok::<(), {}::{}>(())",
            api.lib_name,
            names::ERROR
        ));
        docs.push(" ```".into());
    }
    docs
}

fn enumeration(e: &crate::model::TwimlEnum) -> TokenStream {
    let name = ident(&e.name);
    let docs = doc(&e.doc);
    let variants: Vec<_> = e.variants.iter().map(|(v, _)| ident(v)).collect();
    let values: Vec<&str> = e.variants.iter().map(|(_, w)| w.as_str()).collect();
    let variant_docs = values.iter().map(|w| format!(" `{w}`"));
    let written = values.iter().map(|&w| {
        if writer::written_as_is(w) {
            quote!(crate::xml::Value::Plain(#w))
        } else {
            quote!(crate::xml::Value::Text(::std::borrow::Cow::Borrowed(#w)))
        }
    });
    let other = ident(names::OTHER);
    let (other_variant, other_arm, other_wire) = if e.open {
        (
            quote! {
                /// A value beyond the list, written as given (and escaped).
                #other(::std::string::String),
            },
            quote!(#name::#other(value) => value,),
            quote!(#name::#other(value) => crate::xml::Value::Text(::std::borrow::Cow::Owned(value)),),
        )
    } else {
        (TokenStream::new(), TokenStream::new(), TokenStream::new())
    };
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #name {
            #( #[doc = #variant_docs] #variants, )*
            #other_variant
        }

        impl #name {
            /// The value as written in the XML.
            pub fn as_str(&self) -> &str {
                match self {
                    #( #name::#variants => #values, )*
                    #other_arm
                }
            }

            /// The value as the element it is set on keeps it.
            pub(crate) fn into_value(self) -> crate::xml::Value<'static> {
                match self {
                    #( #name::#variants => #written, )*
                    #other_wire
                }
            }
        }
    }
}

fn document(twiml: &Twiml, d: &TwimlDocument) -> TokenStream {
    let docs = lines(&format!(
        "{}\n\nThe elements are those of [Twilio's docs](<{}>).",
        d.doc.trim(),
        d.source
    ));
    let root = root(d);
    let elements = d.elements.iter().map(|e| element(twiml, d, e));
    quote! {
        #(#![doc = #docs])*
        #root
        #(#elements)*
    }
}

fn root(d: &TwimlDocument) -> TokenStream {
    let name = ident(&d.root);
    let adders = d.children.iter().map(|&c| adder(&d.elements[c]));
    let attribute = attribute_method(true);
    let to_xml = ident(names::TO_XML);
    let error = ident(names::ERROR);
    let text = format!(" A `<Response>`: {}", escape(d.doc.trim()));
    let write_xml = write_xml("Response", &[], quote!(""), true);
    quote! {
        #[doc = #text]
        #[derive(Debug, Clone, PartialEq, Eq, Default)]
        pub struct #name {
            values: [::std::option::Option<crate::xml::Value<'static>>; 0],
            extras: crate::xml::Extras<'static>,
            children: crate::xml::Children,
        }

        impl #name {
            const ATTRIBUTES: [&'static str; 0] = [];

            /// An empty response.
            pub fn new() -> Self {
                Self::default()
            }

            #(#adders)*
            #attribute

            /// The document as Twilio reads it: the XML declaration, then the response.
            pub fn #to_xml(&self) -> ::std::result::Result<::std::string::String, crate::#error> {
                crate::xml::document(&self.children, |out| self.write_xml(out))
            }

            #write_xml
        }
    }
}

fn element(twiml: &Twiml, d: &TwimlDocument, e: &TwimlElement) -> TokenStream {
    let name = ident(&e.name);
    let tag = &e.tag;
    let docs = doc(&format!("`<{tag}>`: {}", e.doc.trim()));
    // The setters' attributes in name order: each value has its slot.
    let mut sorted: Vec<&crate::model::TwimlAttribute> = e.attributes.iter().collect();
    sorted.sort_by(|a, b| a.xml.cmp(&b.xml));
    let xml_names: Vec<String> = sorted.iter().map(|a| format!(" {}=\"", a.xml)).collect();
    let count = proc_macro2::Literal::usize_unsuffixed(xml_names.len());
    let has_text = e.text != TwimlText::None;
    let has_children = !e.children.is_empty();
    let text_field = has_text.then(|| quote!(text: ::std::borrow::Cow<'a, str>,));
    let children_field = has_children.then(|| quote!(children: crate::xml::Children,));
    let (new, text, default) = constructors(e, &name, &count);
    let setters = sorted
        .iter()
        .enumerate()
        .map(|(slot, a)| setter(twiml, a, slot));
    let adders = e.children.iter().map(|&c| adder(&d.elements[c]));
    let attribute = attribute_method(false);
    let text_part = if has_text {
        quote!(&self.text)
    } else {
        quote!("")
    };
    let write_xml = write_xml(tag, &xml_names, text_part, has_children);
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct #name<'a> {
            values: [::std::option::Option<crate::xml::Value<'a>>; #count],
            extras: crate::xml::Extras<'a>,
            #text_field
            #children_field
        }

        impl<'a> #name<'a> {
            const ATTRIBUTES: [&'static str; #count] = [#(#xml_names),*];

            #new
            #text
            #(#setters)*
            #(#adders)*
            #attribute

            #write_xml
        }

        #default
    }
}

/// The writer of an element: its start, each attribute set (`written`, ` name="`,
/// in name order, the order of the slots), then its end. Each piece is a literal
/// the compiler copies in place, as the shared writer's steps are inlined into this
/// (a fifth fewer instructions than one shared writer of every element, in the
/// `twiml` benchmark). Attributes set by name are merged in by the shared writer.
fn write_xml(tag: &str, written: &[String], text: TokenStream, has_children: bool) -> TokenStream {
    let slots = (0..written.len()).map(proc_macro2::Literal::usize_unsuffixed);
    let merged = quote!(element.merged(&Self::ATTRIBUTES, &self.values, &self.extras)?;);
    let attributes = if written.is_empty() {
        quote! {
            if !self.extras.is_empty() {
                #merged
            }
        }
    } else {
        quote! {
            if self.extras.is_empty() {
                #( element.attribute(#written, &self.values[#slots])?; )*
            } else {
                #merged
            }
        }
    };
    let children = if has_children {
        quote!(::std::option::Option::Some(&self.children))
    } else {
        quote!(::std::option::Option::None)
    };
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    quote! {
        /// Writes the element into its parent's XML.
        fn write_xml(&self, out: &mut ::std::string::String) -> ::std::result::Result<(), crate::TwimlError> {
            let mut element = crate::xml::Element::start(out, #open);
            #attributes
            element.end(#text, #children, #close)
        }
    }
}

/// `new`, the text setter of an element whose text is optional, and `Default` for an
/// element `new` takes nothing for.
fn constructors(
    e: &TwimlElement,
    name: &proc_macro2::Ident,
    count: &proc_macro2::Literal,
) -> (TokenStream, Option<TokenStream>, Option<TokenStream>) {
    let has_children = !e.children.is_empty();
    let text_init = match e.text {
        TwimlText::Required => quote!(text: text.into(),),
        TwimlText::Optional => quote!(text: ::std::borrow::Cow::Borrowed(""),),
        TwimlText::None => TokenStream::new(),
    };
    let children_init = has_children.then(|| quote!(children: ::std::default::Default::default(),));
    let no_values = if e.attributes.is_empty() {
        quote!([])
    } else {
        quote!([const { ::std::option::Option::None }; #count])
    };
    let new_element = quote! {
        #name {
            values: #no_values,
            extras: ::std::vec::Vec::new(),
            #text_init
            #children_init
        }
    };
    let new = match e.text {
        TwimlText::Required => quote! {
            /// The element holding `text`, escaped when written; empty text writes none.
            pub fn new(text: impl ::std::convert::Into<::std::borrow::Cow<'a, str>>) -> Self {
                #new_element
            }
        },
        TwimlText::None | TwimlText::Optional => quote! {
            /// The element, with nothing set.
            pub fn new() -> Self {
                #new_element
            }
        },
    };
    let text = (e.text == TwimlText::Optional).then(|| {
        let text = ident(names::TEXT);
        quote! {
            /// Its text, escaped when written.
            pub fn #text(mut self, text: impl ::std::convert::Into<::std::borrow::Cow<'a, str>>) -> Self {
                self.text = text.into();
                self
            }
        }
    });
    let default = (e.text != TwimlText::Required).then(|| {
        quote! {
            impl ::std::default::Default for #name<'_> {
                fn default() -> Self {
                    Self::new()
                }
            }
        }
    });
    (new, text, default)
}

/// The method that adds `child` to its parent, after what the parent holds: it is
/// written into the parent there and then.
fn adder(child: &TwimlElement) -> TokenStream {
    let (method, ty) = (ident(&child.adder), ident(&child.name));
    let text = format!(" Adds a `<{}>`: {}", child.tag, escape(child.doc.trim()));
    quote! {
        #[doc = #text]
        #[inline]
        pub fn #method(mut self, child: #ty<'_>) -> Self {
            self.children.add(|out| child.write_xml(out));
            self
        }
    }
}

fn setter(twiml: &Twiml, a: &crate::model::TwimlAttribute, slot: usize) -> TokenStream {
    let slot = proc_macro2::Literal::usize_unsuffixed(slot);
    let method = ident(&a.setter);
    let xml = &a.xml;
    let docs = doc(&format!("`{xml}`: {}", a.doc.trim()));
    let (param, value) = match (a.ty, a.list) {
        (TwimlType::String, _) => (
            quote!(impl ::std::convert::Into<::std::borrow::Cow<'a, str>>),
            quote!(crate::xml::Value::Text(value.into())),
        ),
        (TwimlType::Integer, _) => (quote!(u32), quote!(crate::xml::Value::Number(value))),
        (TwimlType::Boolean, _) => (quote!(bool), quote!(crate::xml::Value::Flag(value))),
        (TwimlType::Enum(i), false) => {
            let ty = ident(&twiml.enums[i].name);
            (quote!(crate::#ty), quote!(value.into_value()))
        }
        (TwimlType::Enum(i), true) => {
            let ty = ident(&twiml.enums[i].name);
            (
                quote!(impl ::std::iter::IntoIterator<Item = crate::#ty>),
                quote!(crate::xml::join(value.into_iter().map(crate::#ty::into_value))),
            )
        }
    };
    quote! {
        #docs
        #[inline]
        pub fn #method(mut self, value: #param) -> Self {
            self.values[#slot] = ::std::option::Option::Some(#value);
            self
        }
    }
}

/// `attribute(name, value)`: an element's values live as long as its `'a`; the root,
/// which has no lifetime, owns its own (`owned`).
fn attribute_method(owned: bool) -> TokenStream {
    let method = ident(names::ATTRIBUTE);
    let (param, name, value) = if owned {
        (
            quote!(impl ::std::convert::AsRef<str>),
            quote!(::std::borrow::Cow::Owned(name.as_ref().to_owned())),
            quote!(::std::borrow::Cow::Owned(value.as_ref().to_owned())),
        )
    } else {
        (
            quote!(impl ::std::convert::Into<::std::borrow::Cow<'a, str>>),
            quote!(name.into()),
            quote!(value.into()),
        )
    };
    quote! {
        /// Sets any attribute by name, such as one this crate doesn't know yet; it
        /// replaces a value set before, by a setter or by this. The name is checked and
        /// the value escaped when the document is written.
        pub fn #method(mut self, name: #param, value: #param) -> Self {
            crate::xml::set_attribute(&Self::ATTRIBUTES, &mut self.values, &mut self.extras, #name, #value);
            self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::enumeration;
    use crate::model::TwimlEnum;

    /// A value that needs no escaping is kept as written, so the writer skips its
    /// scan; any other stays text, escaped when written (a description may hold one).
    #[test]
    fn only_values_that_need_no_escaping_skip_the_escape() {
        let e = TwimlEnum {
            name: "Mode".into(),
            doc: "How.".into(),
            variants: [("Plain", "a-b.c"), ("Amp", "a&b"), ("Quote", "say \"hi\"")]
                .map(|(v, w)| (v.to_string(), w.to_string()))
                .into(),
            open: false,
        };
        let code = enumeration(&e).to_string();
        assert!(code.contains(r#"Mode :: Plain => crate :: xml :: Value :: Plain ("a-b.c")"#));
        for written in [r#""a&b""#, r#""say \"hi\"""#] {
            let text = format!("Value :: Text (:: std :: borrow :: Cow :: Borrowed ({written}))");
            assert!(code.contains(&text), "{written} as text in {code}");
        }
    }
}
