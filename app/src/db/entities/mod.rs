pub mod instansi;
