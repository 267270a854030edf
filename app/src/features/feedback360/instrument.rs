//! The default 360° instrument: the 21 official *panduan perilaku* of BerAKHLAK (SE MenPANRB
//! 20/2021) for colleagues, and one plain statement per value for the people an employee serves.
//! An agency's first cycle stores it as the agency's instrument version 1, in both languages;
//! later versions start from the newest stored one.

use crate::domain::feedback360::{Audience, Item};
use crate::domain::skp::CoreValue;
use crate::domain::vocabulary::IntoEnumIterator;
use crate::i18n::*;

fn guidance(locale: Locale, number: u8) -> String {
    match number {
        1 => td_string!(locale, berakhlak.g1),
        2 => td_string!(locale, berakhlak.g2),
        3 => td_string!(locale, berakhlak.g3),
        4 => td_string!(locale, berakhlak.g4),
        5 => td_string!(locale, berakhlak.g5),
        6 => td_string!(locale, berakhlak.g6),
        7 => td_string!(locale, berakhlak.g7),
        8 => td_string!(locale, berakhlak.g8),
        9 => td_string!(locale, berakhlak.g9),
        10 => td_string!(locale, berakhlak.g10),
        11 => td_string!(locale, berakhlak.g11),
        12 => td_string!(locale, berakhlak.g12),
        13 => td_string!(locale, berakhlak.g13),
        14 => td_string!(locale, berakhlak.g14),
        15 => td_string!(locale, berakhlak.g15),
        16 => td_string!(locale, berakhlak.g16),
        17 => td_string!(locale, berakhlak.g17),
        18 => td_string!(locale, berakhlak.g18),
        19 => td_string!(locale, berakhlak.g19),
        20 => td_string!(locale, berakhlak.g20),
        _ => td_string!(locale, berakhlak.g21),
    }
    .to_string()
}

/// The short form's statement about value `value` (1–7), in words a citizen uses.
fn public_statement(locale: Locale, value: u8) -> String {
    match value {
        1 => td_string!(locale, feedback360.public_item_1),
        2 => td_string!(locale, feedback360.public_item_2),
        3 => td_string!(locale, feedback360.public_item_3),
        4 => td_string!(locale, feedback360.public_item_4),
        5 => td_string!(locale, feedback360.public_item_5),
        6 => td_string!(locale, feedback360.public_item_6),
        _ => td_string!(locale, feedback360.public_item_7),
    }
    .to_string()
}

pub fn default_items() -> Vec<Item> {
    let internal = CoreValue::iter().flat_map(|value| {
        value.guidance_numbers().map(|n| Item {
            number: u16::from(n),
            value,
            audience: Audience::Internal,
            text_id: guidance(Locale::id, n),
            text_en: guidance(Locale::en, n),
        })
    });
    let external = CoreValue::iter().map(|value| Item {
        number: 21 + u16::from(value.number()),
        value,
        audience: Audience::External,
        text_id: public_statement(Locale::id, value.number()),
        text_en: public_statement(Locale::en, value.number()),
    });
    internal.chain(external).collect()
}

/// The statements of `audience` grouped by core value (its number), in value order, in the
/// reader's language: how both forms lay out an instrument.
pub fn by_value(
    items: Vec<Item>,
    audience: Audience,
    english: bool,
) -> Vec<(u8, Vec<(u16, String)>)> {
    let mut values: Vec<(u8, Vec<(u16, String)>)> = Vec::new();
    for item in items.into_iter().filter(|i| i.audience == audience) {
        let text = if english { item.text_en } else { item.text_id };
        let number = item.value.number();
        match values.iter_mut().find(|(v, _)| *v == number) {
            Some((_, list)) => list.push((item.number, text)),
            None => values.push((number, vec![(item.number, text)])),
        }
    }
    values.sort_by_key(|(v, _)| *v);
    values
}
