//! Outgoing e-mail over SMTP, for reminders. Optional: without `KINERJA_SMTP_URL` nothing is
//! sent and the in-app notification is the reminder.

use lettre::message::{Mailbox, header::ContentType};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::sync::{Arc, Mutex};

/// A message as it was handed to the transport (kept by [`Mailer::in_memory`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentMail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

#[derive(Clone)]
enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// Tests and demos: keeps what would have been sent.
    Memory(Arc<Mutex<Vec<SentMail>>>),
}

#[derive(Clone)]
pub struct Mailer {
    transport: Transport,
    from: Mailbox,
    /// The address people open the application at, for links in messages.
    public_url: String,
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("invalid address: {0}")]
    Address(String),
    #[error("could not send: {0}")]
    Send(String),
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The SMTP URL holds the password: never printed.
        f.debug_struct("Mailer")
            .field("from", &self.from.to_string())
            .field("public_url", &self.public_url)
            .finish_non_exhaustive()
    }
}

impl Mailer {
    /// `url` as lettre reads it: `smtps://user:password@host:465` (TLS) or
    /// `smtp://user:password@host:587?tls=required` (STARTTLS).
    pub fn smtp(url: &str, from: &str, public_url: &str) -> Result<Self, MailError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| MailError::Address(e.to_string()))?
            .build();
        Self::new(Transport::Smtp(transport), from, public_url)
    }

    pub fn in_memory(from: &str, public_url: &str) -> Result<Self, MailError> {
        Self::new(Transport::Memory(Arc::default()), from, public_url)
    }

    fn new(transport: Transport, from: &str, public_url: &str) -> Result<Self, MailError> {
        let from = from
            .parse::<Mailbox>()
            .map_err(|e| MailError::Address(format!("{from}: {e}")))?;
        Ok(Self {
            transport,
            from,
            public_url: public_url.trim_end_matches('/').to_owned(),
        })
    }

    /// An absolute address for a path of the application.
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.public_url)
    }

    /// What the in-memory transport kept (empty for SMTP).
    pub fn sent(&self) -> Vec<SentMail> {
        match &self.transport {
            Transport::Memory(kept) => kept.lock().map(|k| k.clone()).unwrap_or_default(),
            Transport::Smtp(_) => Vec::new(),
        }
    }

    pub async fn send(&self, to: &str, subject: &str, body: &str) -> Result<(), MailError> {
        let recipient = to
            .parse::<Mailbox>()
            .map_err(|e| MailError::Address(format!("{to}: {e}")))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(recipient)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body.to_owned())
            .map_err(|e| MailError::Send(e.to_string()))?;
        match &self.transport {
            Transport::Smtp(smtp) => smtp
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| MailError::Send(e.to_string())),
            Transport::Memory(kept) => {
                if let Ok(mut kept) = kept.lock() {
                    kept.push(SentMail {
                        to: to.to_owned(),
                        subject: subject.to_owned(),
                        body: body.to_owned(),
                    });
                }
                Ok(())
            }
        }
    }
}
