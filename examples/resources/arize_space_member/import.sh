# A membership is imported by "<space_id>/<user_id>". Import cannot read the
# role back (Arize has no such endpoint): the next apply sets the configured
# one. An ID with more than one "/" cannot be split safely: import such a
# membership by its identity instead, with an import block (Terraform 1.12+).
terraform import arize_space_member.bob_fraud "U3BhY2U6MTpWNEth/VXNlcjoyOmJCYkI="
