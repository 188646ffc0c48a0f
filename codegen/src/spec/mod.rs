//! Reading spec files: the raw format (`raw`) and the YAML loader (`load`), the one
//! module that would change if the YAML library were swapped.

pub(crate) mod load;
pub(crate) mod raw;
