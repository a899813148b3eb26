"""Outputs for officials and units: the summary and handling table, the ISO comment sheet."""
