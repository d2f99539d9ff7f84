//! The main worked example (filled as the core grows).
use invoice_core::money::{Amount, TaxRate};

fn main() -> Result<(), invoice_core::Error> {
    let amount = Amount::parse("520.75")?;
    let rate = TaxRate::parse("6%")?;
    println!(
        "{amount} × {} = {}",
        rate.percent(),
        amount.times_rate(rate)?
    );
    Ok(())
}
