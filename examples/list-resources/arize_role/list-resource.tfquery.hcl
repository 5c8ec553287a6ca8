# terraform query finds the custom roles made outside Terraform;
# -generate-config-out=generated.tf writes resource and import blocks for
# them. Arize's predefined roles are not listed: they cannot be managed.
list "arize_role" "custom" {
  provider         = arize
  include_resource = true
}
