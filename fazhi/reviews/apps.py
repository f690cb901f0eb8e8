from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "fazhi.reviews"
    label = "reviews"
    verbose_name = "合法性审查"
