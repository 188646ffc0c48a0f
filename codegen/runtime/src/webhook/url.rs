//! The forms of a webhook URL Twilio may have signed, built by string surgery so the
//! rest of the URL stays byte for byte as given (a URL parser would re-encode it).

/// The one other URL to try when the one given fails: the same URL with its port
/// toggled, as Twilio's helper libraries do (twilio-python's `remove_port` and
/// `add_port`): a port, whatever it is, is left out; a URL without one gets its
/// scheme's (`:443` for `https`, `:80` for `http`). `None` for a URL this can't
/// split, or another scheme without a port. Credentials (`user:pass@`) stay as given:
/// Twilio's docs don't say it signs without them, and the libraries sign the URL
/// they are given. With the URL as given, that makes at most two HMACs a request.
pub(crate) fn other_form(url: &str) -> Option<String> {
    let parts = Parts::of(url)?;
    let toggled = match parts.port {
        Some(_) => Parts {
            port: None,
            ..parts
        },
        None => match parts.scheme.to_ascii_lowercase().as_str() {
            "https" => Parts {
                port: Some("443"),
                ..parts
            },
            "http" => Parts {
                port: Some("80"),
                ..parts
            },
            _ => return None,
        },
    };
    Some(toggled.join())
}

/// A URL split around its authority: `scheme://userinfo@host:port` and the rest.
#[derive(Clone, Copy)]
struct Parts<'a> {
    scheme: &'a str,
    userinfo: Option<&'a str>,
    host: &'a str,
    port: Option<&'a str>,
    rest: &'a str,
}

impl<'a> Parts<'a> {
    fn of(url: &'a str) -> Option<Parts<'a>> {
        let (scheme, after) = url.split_once("://")?;
        let end = after.find(['/', '?', '#']).unwrap_or(after.len());
        let (authority, rest) = after.split_at(end);
        let (userinfo, host_port) = match authority.rsplit_once('@') {
            Some((userinfo, host_port)) => (Some(userinfo), host_port),
            None => (None, authority),
        };
        // A port follows the last `:`, unless that is inside an IPv6 literal.
        let (host, port) = match host_port.rfind(':') {
            Some(colon) if !host_port[colon..].contains(']') => {
                let port = &host_port[colon + 1..];
                if port.is_empty() || !port.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                (&host_port[..colon], Some(port))
            }
            _ => (host_port, None),
        };
        if host.is_empty() {
            return None;
        }
        Some(Parts {
            scheme,
            userinfo,
            host,
            port,
            rest,
        })
    }

    fn join(&self) -> String {
        let mut url = format!("{}://", self.scheme);
        if let Some(userinfo) = self.userinfo {
            url.push_str(userinfo);
            url.push('@');
        }
        url.push_str(self.host);
        if let Some(port) = self.port {
            url.push(':');
            url.push_str(port);
        }
        url.push_str(self.rest);
        url
    }
}

/// The value of the query parameter `name` in `url`, as written (not decoded).
pub(crate) fn query_value<'a>(url: &'a str, name: &str) -> Option<&'a str> {
    let query = url.split_once('?')?.1;
    let query = query.split_once('#').map_or(query, |(q, _)| q);
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (key == name).then_some(value)
    })
}

/// The query of `url` (between `?` and any `#`), or an empty one.
pub(crate) fn query(url: &str) -> &str {
    let Some((_, query)) = url.split_once('?') else {
        return "";
    };
    query.split_once('#').map_or(query, |(q, _)| q)
}
