# The API key comes from the ARIZE_API_KEY environment variable, so it is
# never written into configuration. Provider settings are never stored in
# state.
provider "arize" {
  # A regional host; omit endpoint for https://api.arize.com.
  endpoint = "https://api.eu-west-1a.arize.com"
}
