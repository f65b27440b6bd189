"""Vietnamese labels the deliverables share: how an indicator is aggregated, its status, its direction."""
from __future__ import annotations

from tonghop.model import Status

__all__ = ["HUONG_LABEL", "STATUS_LABEL", "TONG_HOP_LABEL"]

TONG_HOP_LABEL = {"tong": "Tổng", "trung_binh": "Bình quân", "ty_le_dat": "Tỷ lệ đơn vị đạt (%)",
                  "khong": "Không tổng hợp"}
STATUS_LABEL = {Status.VUOT: "Vượt", Status.DAT: "Đạt", Status.CHUA_DAT: "Chưa đạt",
                Status.KHA_NANG_DAT: "Có khả năng đạt", Status.GAN_DAT: "Gần đạt", Status.KHO_DAT: "Khó đạt"}
HUONG_LABEL = {"tang": "Tăng là tốt", "giam": "Giảm là tốt"}
